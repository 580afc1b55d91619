using Northstar.Core.Model;

namespace Northstar.Core.Rollups;

/// <summary>How a rollup keeps a distinct count (<see cref="DistinctCounts.Keeping"/>).</summary>
public enum DistinctCountKeeping
{
    /// <summary>It cannot: a counted value may fall into several of its buckets, so their counts do not add up.</summary>
    None,

    /// <summary>
    /// The measure determines every column the rollup's buckets are keyed by (<see cref="Measure.Determines"/>), so each
    /// counted value falls into one bucket: the per-bucket counts add up.
    /// </summary>
    Additive,

    /// <summary>
    /// The rollup groups by a dimension on the counted column, so its rows list the counted values themselves: the count
    /// is re-done over the rows whose partial count is not zero.
    /// </summary>
    ByDimension,
}
