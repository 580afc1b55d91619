using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Rollups;

/// <summary>
/// Keeps the model's rollups current as data arrives: the statements an ingest batch runs in its own transaction, after
/// writing its facts and before bumping the data versions, so that no answer cached under a new data version can come
/// from a rollup that lacks that version's data.
/// </summary>
public sealed class RollupMaintenance
{
    /// <summary>Maintenance of the rollups of <paramref name="model"/>, for <paramref name="dialect"/>.</summary>
    /// <exception cref="InvalidOperationException">A rollup keeps a measure it cannot keep (a distinct count).</exception>
    public RollupMaintenance(SemanticModel model, SqlDialect dialect)
    {
        Tables = RollupTable.AllOf(model, dialect);
    }

    /// <summary>The rollup tables of the model.</summary>
    public IReadOnlyList<RollupTable> Tables { get; }

    /// <summary>
    /// The statements that refresh the rollups of the data subjects a batch changed, for the local dates it touched
    /// (inclusive; <see cref="DateOnly.MinValue"/> to <see cref="DateOnly.MaxValue"/> after a dimension change: every
    /// bucket). Empty when no rollup follows those subjects. Run them in the batch's transaction, in order.
    /// </summary>
    /// <param name="dataSubjects">The changed data subjects (<see cref="Subject.DataSubject"/>: <c>sales</c>...).</param>
    /// <param name="from">The first local date changed.</param>
    /// <param name="to">The last local date changed.</param>
    public IReadOnlyList<SqlStatement> RefreshStatements(IReadOnlyCollection<string> dataSubjects, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(dataSubjects);
        return [.. Tables.Where(table => dataSubjects.Contains(table.DataSubject)).SelectMany(table => table.Refresh(from, to))];
    }
}
