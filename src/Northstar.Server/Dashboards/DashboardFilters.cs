using System.Text.Json;
using Northstar.Core.Queries;

namespace Northstar.Server.Dashboards;

/// <summary>
/// What the UI adds to a tile's spec before it sends it (docs/dashboards.md): the dashboard's date range when the spec
/// names none, and the branch filter. A tile is checked, and its visibility decided, on the spec as sent, since a spec
/// without a range may rely on one (a comparison needs a bounded range).
/// </summary>
internal static class DashboardFilters
{
    /// <summary>The dashboard's date range when none is picked (30D).</summary>
    public const string DefaultRange = "last_30_days";

    /// <summary>The member of the branch filter, which every subject and analysis accepts.</summary>
    public const string BranchMember = "location_id";

    private static readonly JsonElement SomeBranch = JsonSerializer.SerializeToElement("any-branch");

    /// <summary><paramref name="spec"/> with the default date range when it names no range.</summary>
    public static QuerySpec WithDefaultRange(QuerySpec spec) => spec.Time?.Range is not null
        ? spec
        : spec with { Time = (spec.Time ?? new TimeSpec()) with { Range = new RangeSpec { Preset = DefaultRange } } };

    /// <summary><paramref name="spec"/> with a branch filter appended, as the UI sends it when one branch is picked.</summary>
    public static QuerySpec WithBranchFilter(QuerySpec spec) => spec with
    {
        Filters = [.. spec.Filters ?? [], new FilterSpec { Member = BranchMember, Op = "equals", Values = [SomeBranch] }],
    };
}
