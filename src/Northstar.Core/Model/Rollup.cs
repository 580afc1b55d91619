namespace Northstar.Core.Model;

/// <summary>
/// A rollup (pre-aggregation) of a subject: its measures aggregated by the listed dimensions at a time grain of one
/// time dimension, kept in the table <c>rollups.{Name}</c> by the warehouse.
/// </summary>
public sealed record Rollup(
    string Name, string Subject, string TimeDimension, Grain Grain, IReadOnlyList<string> Dimensions,
    IReadOnlyList<string> Measures, SourceLocation Source);
