using Northstar.Bench.Reporting;
using Northstar.Bench.Targets;

namespace Northstar.Bench.Suites;

/// <summary>One suite: its results table, and the measurement of one engine, which becomes one row of that table (or
/// several, for a suite that measures several queries on each engine).</summary>
internal interface ISuite
{
    ResultTable CreateTable(BenchSettings settings);

    Task<IReadOnlyList<IReadOnlyList<string>>> MeasureAsync(BenchTarget target, BenchSettings settings, CancellationToken cancellationToken);
}
