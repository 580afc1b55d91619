namespace Northstar.Server.Accounts;

/// <summary>The <c>app.audit.action</c> names (docs/accounts.md lists what each records).</summary>
internal static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string QueryExplained = "query.explained";
    public const string FileImported = "file.imported";
    public const string CsvExported = "export.csv";
}
