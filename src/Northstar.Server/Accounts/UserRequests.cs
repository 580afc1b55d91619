namespace Northstar.Server.Accounts;

/// <summary>Checks of the fields of user-management requests; each refusal names its field.</summary>
internal static class UserRequests
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxBranchIdLength = 100;
    public const int MaxEmployeeIdLength = 100;

    public static string? DisplayNameProblem(string? displayName) => displayName?.Trim() switch
    {
        null or "" => "A display name is required.",
        { Length: > MaxDisplayNameLength } => $"A display name has at most {MaxDisplayNameLength} characters.",
        _ => null,
    };

    public static string? BranchesProblem(IReadOnlyList<string>? branches) =>
        branches is not null && branches.Any(branch => string.IsNullOrWhiteSpace(branch) || branch.Length > MaxBranchIdLength)
            ? $"Each branch is a location id of 1 to {MaxBranchIdLength} characters."
            : null;

    public static string? EmployeeIdProblem(string? employeeId) =>
        employeeId is { Length: > MaxEmployeeIdLength } ? $"An employee id has at most {MaxEmployeeIdLength} characters." : null;

    public static string RoleProblem => $"The role must be one of: {string.Join(", ", RoleNames.All)}.";

    /// <summary>The branches, trimmed, without duplicates, in order.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string>? branches) =>
        [.. (branches ?? []).Select(branch => branch.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
