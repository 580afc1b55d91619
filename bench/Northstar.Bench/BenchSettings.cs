using Northstar.Warehouse;

namespace Northstar.Bench;

/// <summary>The suites the harness runs.</summary>
internal enum BenchSuite
{
    Load,
    Aggregate,
    Stream,
    All,
}

/// <summary>What one invocation of the harness measures.</summary>
/// <param name="Suite">The suite asked for (<see cref="BenchSuite.All"/> runs every one).</param>
/// <param name="EngineName">The engine option as given, used to name the results file.</param>
/// <param name="Engines">The engines to measure, in order.</param>
/// <param name="Rows">Rows loaded, aggregated and streamed.</param>
/// <param name="Runs">Measured runs after the warm-up.</param>
internal sealed record BenchSettings(BenchSuite Suite, string EngineName, IReadOnlyList<EngineKind> Engines, long Rows, int Runs)
{
    public IEnumerable<BenchSuite> Suites =>
        Suite == BenchSuite.All ? [BenchSuite.Load, BenchSuite.Aggregate, BenchSuite.Stream] : [Suite];
}
