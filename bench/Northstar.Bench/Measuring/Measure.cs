namespace Northstar.Bench.Measuring;

/// <summary>
/// One figure to measure: a name for the progress lines, and a delegate that runs the work once and returns the time
/// of the part it measured, so that per-run set-up (a fresh table, opening a connection) stays outside the figure.
/// </summary>
internal sealed record Measure(string Name, Func<CancellationToken, Task<TimeSpan>> RunOnceAsync);
