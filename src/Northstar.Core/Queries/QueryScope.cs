namespace Northstar.Core.Queries;

/// <summary>
/// What the caller may see, turned by the compiler into mandatory filters on the model's scope columns after
/// validation: branches (location ids), one employee, and a window of recent days that clamps any requested range.
/// </summary>
/// <param name="Branches">Location ids the caller may see; null: every branch.</param>
/// <param name="EmployeeId">The only employee whose rows the caller may see; null: any.</param>
/// <param name="WindowDays">Only the last N days (today included) are visible; null: any date.</param>
public sealed record QueryScope(IReadOnlyList<string>? Branches, string? EmployeeId, int? WindowDays)
{
    /// <summary>Sees everything (Super Admin, and the system itself).</summary>
    public static QueryScope Unrestricted { get; } = new(null, null, null);

    /// <summary>Whether nothing is restricted: subjects without scope columns are visible only then.</summary>
    public bool IsUnrestricted => Branches is null && EmployeeId is null && WindowDays is null;

    /// <summary>
    /// A stable text of the scope for cache keys: branches sorted, and every part JSON-encoded, so that no two different
    /// scopes share a key (a branch id containing a comma cannot pass for two branches).
    /// </summary>
    public string Key =>
        IsUnrestricted ? "all" : System.Text.Json.JsonSerializer.Serialize(
            new object?[] { Branches?.Order(StringComparer.Ordinal).ToArray(), EmployeeId, WindowDays });
}
