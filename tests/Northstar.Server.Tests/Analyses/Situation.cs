using System.Globalization;

namespace Northstar.Server.Tests.Analyses;

/// <summary>What an analysis is asked over: a range (null: all time) and one branch (null: every branch).</summary>
public sealed record Situation(string Name, DateOnly? From, DateOnly? To, string? BranchId)
{
    /// <summary>The spec of <paramref name="analysis"/> in this situation, as JSON; the branch as a filter when asked.</summary>
    public string Spec(string analysis, bool branchAsFilter = true)
    {
        var parts = new List<string> { $"\"analysis\": \"{analysis}\"" };
        if (From is { } from && To is { } to)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $$"""
                "time": { "range": { "from": "{{from:yyyy-MM-dd}}", "to": "{{to:yyyy-MM-dd}}" } }
                """));
        if (BranchId is { } branch && branchAsFilter)
            parts.Add($$"""
                "filters": [ { "member": "location_id", "op": "equals", "values": ["{{branch}}"] } ]
                """);
        return "{ " + string.Join(", ", parts) + " }";
    }

    public override string ToString() => Name;
}
