namespace Northstar.Warehouse.Rollups;

/// <summary>What <see cref="RollupStore.EnsureAsync"/> did.</summary>
/// <param name="Built">The rollups (re)built, because they were missing or their definition changed.</param>
/// <param name="Dropped">The rollup tables dropped, because the model no longer declares them.</param>
public sealed record RollupReport(IReadOnlyList<string> Built, IReadOnlyList<string> Dropped);
