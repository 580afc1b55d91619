namespace Northstar.Server.Accounts;

/// <summary>Set on a request authenticated by the session cookie: the session's hash (for logout) and that a cookie signed it in.</summary>
internal sealed record SessionFeature(string SessionHash);
