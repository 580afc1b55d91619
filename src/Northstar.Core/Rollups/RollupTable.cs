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

    // The distinct counts kept by the counted value's dimension, with that dimension: each has a previous-day column.
    private readonly IReadOnlyList<(Measure Measure, string Dimension)> _recounted;

    // The alias of the fill in the build's select.
    private const string Filled = "filled";

    private RollupTable(Rollup rollup, Subject subject, IReadOnlyList<Measure> measures, SqlDialect dialect)
    {
        Rollup = rollup;
        _subject = subject;
        _measures = measures;
        _recounted = [.. measures.Select(measure => (Measure: measure, Keeping: DistinctCounts.Keeping(subject, rollup, measure)))
                                 .Where(kept => kept.Measure.Aggregation == Aggregation.CountDistinct && kept.Keeping.How == DistinctCountKeeping.ByDimension)
                                 .Select(kept => (kept.Measure, kept.Keeping.Dimension!))];
        Dialect = dialect;
        Fingerprint = FingerprintOf([Build(), .. Indexes(), .. Derived()]);
    }

    /// <summary>The rollup declared in the model.</summary>
    public Rollup Rollup { get; }

    /// <summary>The dialect the statements are rendered for.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The table's schema-qualified, quoted name.</summary>
    public string QuotedName => SqlRenderer.Quote(RollupColumns.Schema) + "." + SqlRenderer.Quote(RollupColumns.Table(Rollup));

    /// <summary>The names (in schema <c>rollups</c>) of the table and of the first-seen tables derived from it.</summary>
    public IReadOnlyList<string> TableNames =>
        [RollupColumns.Table(Rollup), .. _recounted.Select(kept => RollupColumns.FirstSeenTable(Rollup, kept.Measure.Name))];

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
    /// A distinct count kept by its value's dimension gets its previous-day column (<see cref="RollupColumns.PreviousDay"/>).
    /// </summary>
    public SqlStatement Build()
    {
        var fill = Fill(range: null);
        var rows = _recounted.Count == 0
            ? fill.Sql
            : $"select {Filled}.*, {string.Join(", ", _recounted.Select(kept => PreviousDayOf(kept) + " as " + Quoted(RollupColumns.PreviousDay(kept.Measure.Name))))}\n" +
              $"from (\n{fill.Sql}\n) as {Filled}";
        return fill with { Sql = "create table " + QuotedName + " as\n" + rows + "\norder by " + Quoted(RollupColumns.Time) };
    }

    /// <summary>
    /// The indexes to create after <see cref="Build"/>. On PostgreSQL: one on the time column, without which a range of
    /// days reads the whole table (a btree, which stays exact as refreshes delete and insert days, where a BRIN index
    /// would blur as new rows fill the space of deleted ones); and one on the dimension of each distinct count kept by
    /// it, so that a refresh finds the earlier and later days of the values it touched. DuckDB needs none: its row
    /// groups' min/max of the time column serve, and it reads one column of the whole table quickly.
    /// </summary>
    public IReadOnlyList<SqlStatement> Indexes()
    {
        if (Dialect != SqlDialect.PostgreSql)
            return [];
        var table = RollupColumns.Table(Rollup);
        var columns = _recounted.Select(kept => RollupColumns.Dimension(kept.Dimension)).Distinct(StringComparer.Ordinal);
        return
        [
            new SqlStatement($"create index {Quoted(table + "_time")} on {QuotedName} ({Quoted(RollupColumns.Time)})", []),
            .. columns.Select(column => new SqlStatement($"create index {Quoted(table + "_" + column)} on {QuotedName} ({Quoted(column)})", [])),
        ];
    }

    /// <summary>
    /// The statements to run after <see cref="Build"/> and <see cref="Indexes"/>: per distinct count kept by its value's
    /// dimension, its first-seen table (<see cref="RollupColumns.FirstSeenTable"/>) created from the rollup, and on
    /// PostgreSQL an index on its day.
    /// </summary>
    public IReadOnlyList<SqlStatement> Derived() =>
    [
        .. _recounted.SelectMany(kept => (IEnumerable<SqlStatement>)
        [
            new SqlStatement($"create table {FirstSeenName(kept)} as\n{FirstSeenFill(kept, fromFirstParameter: false)}\norder by {Quoted(RollupColumns.Time)}", []),
            .. Dialect == SqlDialect.PostgreSql
                ? [new SqlStatement($"create index {Quoted(RollupColumns.FirstSeenTable(Rollup, kept.Measure.Name) + "_time")} on {FirstSeenName(kept)} ({Quoted(RollupColumns.Time)})", [])]
                : Array.Empty<SqlStatement>(),
        ]),
    ];

    /// <summary>Drops the table and its first-seen tables, where they exist.</summary>
    public IReadOnlyList<SqlStatement> Drop() =>
        [.. TableNames.Select(name => new SqlStatement($"drop table if exists {Quoted(RollupColumns.Schema)}.{Quoted(name)}", []))];

    /// <summary>
    /// Refreshes the buckets of the local dates <paramref name="from"/> to <paramref name="to"/> (inclusive): deletes them
    /// and inserts them again from the fact table, then brings the previous-day columns and the first-seen tables up to
    /// date.
    /// <see cref="DateOnly.MinValue"/> to <see cref="DateOnly.MaxValue"/> (what a dimension change reports) refreshes every
    /// bucket. Run the statements in one transaction, in order.
    /// </summary>
    public IReadOnlyList<SqlStatement> Refresh(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is empty.", nameof(from));
        }

        var range = from == DateOnly.MinValue && to == DateOnly.MaxValue ? null : new DateRange(from, to);
        var select = SubjectAggregate.RollupFill(_subject, Rollup, _measures, range);
        var fill = SqlRenderer.Render(select, Dialect);
        var columns = string.Join(", ", select.Columns.Select(column => Quoted(column.Alias)));
        var time = Quoted(RollupColumns.Time);
        var delete = range is null
            ? new SqlStatement("delete from " + QuotedName, [])
            : new SqlStatement($"delete from {QuotedName} where {time} >= $1 and {time} <= $2", [range.From, range.To]);
        return
        [
            delete,
            fill with { Sql = $"insert into {QuotedName} ({columns})\n{fill.Sql}" },
            .. _recounted.Select(kept => UpdatePreviousDays(kept, range)),
            .. _recounted.SelectMany(kept => RefreshFirstSeen(kept, range)),
        ];
    }

    // Only rows from the range on got a new previous day, so the first-seen days before it stand.
    private IEnumerable<SqlStatement> RefreshFirstSeen((Measure Measure, string Dimension) kept, DateRange? range)
    {
        var time = Quoted(RollupColumns.Time);
        yield return range is null
            ? new SqlStatement("delete from " + FirstSeenName(kept), [])
            : new SqlStatement($"delete from {FirstSeenName(kept)} where {time} >= $1", [range.From]);
        yield return new SqlStatement(
            $"insert into {FirstSeenName(kept)} ({time}, {Quoted(RollupColumns.FirstSeenPrevious)}, {Quoted(RollupColumns.FirstSeenCount)})\n" +
            FirstSeenFill(kept, fromFirstParameter: range is not null),
            range is null ? [] : [range.From]);
    }

    // Per day and previous day, the values counted. A value's second row of a day has that day as its previous day and
    // is never a range's first, so it is left out.
    private string FirstSeenFill((Measure Measure, string Dimension) kept, bool fromFirstParameter)
    {
        var time = Quoted(RollupColumns.Time);
        var previous = Quoted(RollupColumns.PreviousDay(kept.Measure.Name));
        return $"select {time}, {previous} as {Quoted(RollupColumns.FirstSeenPrevious)}, count(*) as {Quoted(RollupColumns.FirstSeenCount)}\n" +
               $"from {QuotedName}\n" +
               $"where {Quoted(RollupColumns.Measure(kept.Measure.Name))} > 0 and {Quoted(RollupColumns.Dimension(kept.Dimension))} is not null" +
               $" and ({previous} is null or {previous} < {time}){(fromFirstParameter ? $" and {time} >= $1" : "")}\n" +
               $"group by {time}, {previous}";
    }

    private string FirstSeenName((Measure Measure, string Dimension) kept) =>
        Quoted(RollupColumns.Schema) + "." + Quoted(RollupColumns.FirstSeenTable(Rollup, kept.Measure.Name));

    // Rows from the range on may have a new previous day: those of the values counted in the range, and those of values
    // whose previous day was in it (a value the refresh removed from the range). Earlier rows keep theirs.
    private SqlStatement UpdatePreviousDays((Measure Measure, string Dimension) kept, DateRange? range)
    {
        var time = Quoted(RollupColumns.Time);
        var value = Quoted(RollupColumns.Dimension(kept.Dimension));
        var previous = Quoted(RollupColumns.PreviousDay(kept.Measure.Name));
        var rowId = Dialect == SqlDialect.PostgreSql ? "ctid" : "rowid";
        var values = range is null
            ? ""
            : $"\n      where {value} in (select {value} from {QuotedName} where {time} >= $1 and {time} <= $2\n" +
              $"                union select {value} from {QuotedName} where {time} > $2 and {previous} >= $1 and {previous} <= $2)";
        return new SqlStatement(
            $"update {QuotedName} as r set {previous} = w.previous_day\n" +
            $"from (select {rowId} as row_id, {PreviousDayOf(kept)} as previous_day\n      from {QuotedName}{values}) as w\n" +
            $"where r.{rowId} = w.row_id{(range is null ? "" : $" and r.{time} >= $1")} and r.{previous} is distinct from w.previous_day",
            range is null ? [] : [range.From, range.To]);
    }

    // On a row where the value is counted, the day of the value's previous such row (ties on one day: one row of the
    // day gets the earlier day, the others the same day, so exactly one row a day can be a range's first).
    private static string PreviousDayOf((Measure Measure, string Dimension) kept)
    {
        var value = Quoted(RollupColumns.Dimension(kept.Dimension));
        var counted = $"{Quoted(RollupColumns.Measure(kept.Measure.Name))} > 0";
        var time = Quoted(RollupColumns.Time);
        return $"case when {counted} and {value} is not null then lag({time}) over (partition by {value}, {counted} order by {time}) end";
    }

    private SqlStatement Fill(DateRange? range) =>
        SqlRenderer.Render(SubjectAggregate.RollupFill(_subject, Rollup, _measures, range), Dialect);

    private static string Quoted(string identifier) => SqlRenderer.Quote(identifier);

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
