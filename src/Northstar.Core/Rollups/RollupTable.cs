using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Northstar.Core.Compiling;
using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Rollups;

/// <summary>
/// The table of a rollup, <c>rollups.&lt;name&gt;</c>, and the statements that build and refresh it for one dialect.
/// Columns: <c>t</c> (the bucket's local date), <c>h</c> (its local hour, hour grain only), <c>d_&lt;dimension&gt;</c> per
/// dimension, <c>s_branch</c> (the branch scope column, when the subject declares one), and per measure
/// <c>m_&lt;measure&gt;</c> (sum, count, min, max) or <c>m_&lt;measure&gt;_sum</c> and <c>m_&lt;measure&gt;_count</c>
/// (average). The fill is the query compiler's own aggregate of the fact table, so a rollup's partials are exactly what
/// a query over the fact table would have computed per bucket. Column types are the engine's types of those aggregates
/// (the table is created from the fill select), so re-aggregating them gives the types the fact table gives.
/// </summary>
public sealed class RollupTable
{
    private readonly Subject _subject;
    private readonly IReadOnlyList<Measure> _measures;

    private RollupTable(Rollup rollup, Subject subject, IReadOnlyList<Measure> measures, SqlDialect dialect)
    {
        Rollup = rollup;
        _subject = subject;
        _measures = measures;
        Dialect = dialect;
        Fingerprint = FingerprintOf([Build(), .. Indexes()]);
    }

    /// <summary>The rollup declared in the model.</summary>
    public Rollup Rollup { get; }

    /// <summary>The dialect the statements are rendered for.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The table's schema-qualified, quoted name.</summary>
    public string QuotedName => SqlRenderer.Quote(RollupColumns.Schema) + "." + SqlRenderer.Quote(RollupColumns.Table(Rollup));

    /// <summary>The ingest subject whose changes this rollup must follow (<see cref="Subject.DataSubject"/>).</summary>
    public string DataSubject => _subject.DataSubject;

    /// <summary>
    /// A hash of the statements that build the table (its columns, the aggregates and filters that fill it, their bound
    /// values, its indexes): when it differs from the one the table was built with, the table must be rebuilt.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The tables of every rollup of <paramref name="model"/>, for <paramref name="dialect"/>.</summary>
    /// <exception cref="InvalidOperationException">A rollup keeps a measure it cannot keep (a distinct count).</exception>
    public static IReadOnlyList<RollupTable> AllOf(SemanticModel model, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Rollups.Select(rollup => Of(model, rollup, dialect))];
    }

    /// <summary>The table of <paramref name="rollup"/>, for <paramref name="dialect"/>.</summary>
    /// <exception cref="InvalidOperationException">The rollup keeps a measure it cannot keep (a distinct count, a percentile).</exception>
    public static RollupTable Of(SemanticModel model, Rollup rollup, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rollup);
        if (!HasSupportedGrain(rollup))
        {
            throw new InvalidOperationException(
                $"The rollup '{rollup.Name}' ({rollup.Source}) is by {rollup.Grain.ToString().ToLowerInvariant()}: rollups are by day " +
                "or by hour (coarser buckets could not answer ranges that start or end inside one).");
        }

        var subject = model.Subjects[rollup.Subject];
        var measures = rollup.Measures.Select(name => (Measure)model.Metrics[name]).ToArray();
        if (measures.FirstOrDefault(measure => measure.Aggregation == Aggregation.Percentile) is { } percentile)
        {
            throw new InvalidOperationException(
                $"The rollup '{rollup.Name}' ({rollup.Source}) lists '{percentile.Name}', a percentile: " + PercentileAdvice);
        }

        if (measures.FirstOrDefault(measure => !CanKeep(subject, rollup, measure)) is { } distinct)
        {
            throw new InvalidOperationException(
                $"The rollup '{rollup.Name}' ({rollup.Source}) lists '{distinct.Name}', a distinct count it cannot keep: " +
                DistinctCountAdvice(subject, rollup, distinct));
        }

        return new RollupTable(rollup, subject, measures, dialect);
    }

    /// <summary>
    /// Whether <paramref name="rollup"/> can keep <paramref name="measure"/>: every aggregation but a percentile (the
    /// percentile of a range is not computable from its buckets' percentiles), a distinct count only when the rollup's
    /// buckets are keyed by columns the measure determines, or group by the counted column (<see cref="DistinctCounts"/>).
    /// </summary>
    public static bool CanKeep(Subject subject, Rollup rollup, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Aggregation switch
        {
            Aggregation.Percentile => false,
            Aggregation.CountDistinct => DistinctCounts.Keeping(subject, rollup, measure).How != DistinctCountKeeping.None,
            _ => true,
        };
    }

    /// <summary>Why no rollup keeps a percentile measure.</summary>
    public const string PercentileAdvice =
        "the percentile of a range is not computable from the percentiles of its days or hours, so no rollup keeps one; " +
        "queries of it read the fact table";

    /// <summary>What to change so that <paramref name="rollup"/> can keep the distinct count <paramref name="measure"/>.</summary>
    public static string DistinctCountAdvice(Subject subject, Rollup rollup, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var missing = DistinctCounts.UndeterminedBucketColumns(subject, rollup, measure);
        return "its values may fall into several of the rollup's buckets, whose counts would then not add up. Group the rollup " +
               "by a dimension on the counted column, or declare in the measure that its value determines the rollup's " +
               $"bucket columns (determines: [...], missing: {string.Join(", ", missing)})";
    }

    /// <summary>Whether <paramref name="rollup"/> is by day or by hour, the grains a rollup can be kept at.</summary>
    public static bool HasSupportedGrain(Rollup rollup)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        return rollup.Grain is Grain.Day or Grain.Hour;
    }

    /// <summary>
    /// Creates the table filled from every row of the fact table (the table must not exist), stored in time order: a
    /// dashboard asks for a range of days, and DuckDB skips the row groups whose min/max of the time column lie outside
    /// it only when the days are not scattered over the whole table. Refreshes append recent days, keeping the order.
    /// </summary>
    public SqlStatement Build()
    {
        var fill = Fill(range: null);
        return fill with { Sql = "create table " + QuotedName + " as\n" + fill.Sql + "\norder by " + SqlRenderer.Quote(RollupColumns.Time) };
    }

    /// <summary>
    /// The indexes to create after <see cref="Build"/>: on PostgreSQL one on the time column, without which a range of
    /// days reads the whole table (a btree, which stays exact as refreshes delete and insert days, where a BRIN index
    /// would blur as new rows fill the space of deleted ones). DuckDB needs none: its row groups' min/max of the time
    /// column serve.
    /// </summary>
    public IReadOnlyList<SqlStatement> Indexes() =>
        Dialect == SqlDialect.PostgreSql
            ? [new SqlStatement($"create index {SqlRenderer.Quote(RollupColumns.Table(Rollup) + "_time")} on {QuotedName} ({SqlRenderer.Quote(RollupColumns.Time)})", [])]
            : [];

    /// <summary>Drops the table if it exists.</summary>
    public SqlStatement Drop() => new("drop table if exists " + QuotedName, []);

    /// <summary>
    /// Refreshes the buckets of the local dates <paramref name="from"/> to <paramref name="to"/> (inclusive): deletes them
    /// and inserts them again from the fact table. <see cref="DateOnly.MinValue"/> to <see cref="DateOnly.MaxValue"/>
    /// (what a dimension change reports) refreshes every bucket. Run both statements in one transaction.
    /// </summary>
    public IReadOnlyList<SqlStatement> Refresh(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is empty.", nameof(from));
        }

        var range = from == DateOnly.MinValue && to == DateOnly.MaxValue ? null : new DateRange(from, to);
        var fill = Fill(range);
        var time = SqlRenderer.Quote(RollupColumns.Time);
        var delete = range is null
            ? new SqlStatement("delete from " + QuotedName, [])
            : new SqlStatement($"delete from {QuotedName} where {time} >= $1 and {time} <= $2", [range.From, range.To]);
        return [delete, fill with { Sql = "insert into " + QuotedName + "\n" + fill.Sql }];
    }

    private SqlStatement Fill(DateRange? range) =>
        SqlRenderer.Render(SubjectAggregate.RollupFill(_subject, Rollup, _measures, range), Dialect);

    private static string FingerprintOf(IReadOnlyList<SqlStatement> statements)
    {
        var text = new StringBuilder();
        foreach (var statement in statements)
        {
            text.Append(statement.Sql);
            foreach (var value in statement.Parameters)
            {
                text.Append('\n').Append(value?.GetType().Name ?? "null").Append(':')
                    .Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
