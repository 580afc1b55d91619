namespace Northstar.Server.Queries;

/// <summary>The query API's bounds, bound from <c>Northstar:Query</c>.</summary>
public sealed class QueryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Query";

    /// <summary>The most rows one answer may have (10,000 by default); a larger or missing limit becomes this.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>How long one statement may run before it is stopped, in seconds (30 by default).</summary>
    public int StatementTimeoutSeconds { get; set; } = 30;

    /// <summary>The memory the in-process answer cache may hold, in megabytes (estimated; 256 by default).</summary>
    public int CacheSizeMegabytes { get; set; } = 256;

    /// <summary>
    /// How long an unused answer stays cached, in minutes (60 by default). Only a memory bound: a change of the data
    /// makes answers unreachable at once, whatever their age.
    /// </summary>
    public int CacheMinutes { get; set; } = 60;

    /// <summary>
    /// Whether a rollup may answer a query it covers (true by default); false always reads the fact tables, e.g. to
    /// compare the two in a benchmark. Answers are the same either way.
    /// </summary>
    public bool UseRollups { get; set; } = true;

    /// <summary>How many distinct queries of one batch run at the same time (4 by default).</summary>
    public int BatchParallelism { get; set; } = 4;

    /// <summary>
    /// Whether the server answers every dashboard's tiles once it listens, so that the first visit after a start finds
    /// them cached and the engine warm (true by default).
    /// </summary>
    public bool WarmUpDashboards { get; set; } = true;
}
