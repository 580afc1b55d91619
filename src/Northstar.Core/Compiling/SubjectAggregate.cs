using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;

namespace Northstar.Core.Compiling;

/// <summary>
/// The aggregate select of one subject: its base measures over the fact table <c>f</c> (with only the joins needed) or
/// over the rollup chosen for it, filtered by range, dimension filters, segments and the caller's scope, grouped by
/// the time bucket and dimensions. Its output columns are named <see cref="TimeAlias"/>, <see cref="DimensionAlias"/>
/// and <see cref="MeasureAlias"/>, like the columns of a rollup table (<see cref="RollupColumns"/>).
/// </summary>
internal static class SubjectAggregate
{
    /// <summary>The alias of the fact table (or of the rollup table standing in for it).</summary>
    public const string Fact = "f";

    /// <summary>The column of the time bucket.</summary>
    public const string TimeAlias = RollupColumns.Time;

    /// <summary>The column of a dimension.</summary>
    public static string DimensionAlias(string dimension) => RollupColumns.Dimension(dimension);

    /// <summary>The column of a base measure.</summary>
    public static string MeasureAlias(string measure) => RollupColumns.Measure(measure);

    /// <summary>Builds the aggregate of <paramref name="part"/>, from its rollup when it has one.</summary>
    /// <param name="part">The subject and its measures.</param>
    /// <param name="query">The validated query.</param>
    /// <param name="scope">The caller's scope.</param>
    /// <param name="range">The range of local dates; null: all time.</param>
    /// <param name="window">The scope's window of days, applied to every statement; null: none.</param>
    /// <param name="grouped">False for totals: no time bucket and no dimensions.</param>
    /// <param name="onlyGroups">For totals under metric filters: the CTE of the groups that pass them (its columns are
    /// the group keys); only the rows of those groups are aggregated. Null: every row.</param>
    public static SqlSelect Build(SubjectPart part, ValidatedQuery query, QueryScope scope, DateRange? range,
                                  DateRange? window, bool grouped, string? onlyGroups)
    {
        var subject = part.Subject;
        AggregateSource source = part.Rollup is { } rollup
            ? new RollupSource(subject, rollup, part.FirstSeen, WholeRangeOf(query, scope, range, window, grouped, onlyGroups))
            : new FactSource(subject, part.Time);

        // Totals need the group keys only to find the rows of the groups that pass the metric filters.
        var keys = new List<SqlSelectItem>();
        if (grouped || onlyGroups is not null)
        {
            if (query.Time is { } time)
            {
                keys.Add(new SqlSelectItem(
                    time.Grain == Grain.Hour ? new SqlHourBucket(source.Date, source.Hour) : new SqlDateBucket(time.Grain, source.Date),
                    TimeAlias));
            }

            keys.AddRange(query.Dimensions.Select(dimension =>
                new SqlSelectItem(source.Dimension(dimension.Name), DimensionAlias(dimension.Name))));
        }

        var measures = part.Measures.Select(measure => new SqlSelectItem(source.Measure(measure), MeasureAlias(measure.Name))).ToList();

        var where = new List<SqlExpression>();
        foreach (var bound in new[] { range, window })
        {
            where.AddRange(Within(source, bound));
        }

        where.AddRange(query.DimensionFilters.Select(filter => Conditions.Build(source.Dimension(filter.Member), filter.Op, filter.Values)));
        where.AddRange(query.Segments.SelectMany(segment => subject.Segments[segment].Conditions)
                                     .Select(condition => Condition(source, subject, condition)));
        where.AddRange(ScopeConditions(source, scope));
        if (onlyGroups is not null)
        {
            where.Add(InGroups(keys, onlyGroups));
        }

        if (!grouped)
        {
            keys.Clear();
        }

        return new SqlSelect
        {
            Columns = [.. keys, .. measures],
            From = source.From,
            Joins = source.Joins,
            Where = Conditions.All(where),
            GroupBy = keys.Select(key => key.Expression).ToList(),
        };
    }

    /// <summary>
    /// The select that fills <paramref name="rollup"/> from its subject's fact table over <paramref name="range"/> (null:
    /// every date): the rollup's columns (<see cref="RollupColumns"/>), with the same expressions a query over the fact
    /// table uses, grouped by bucket, dimensions and branch.
    /// </summary>
    public static SqlSelect RollupFill(Subject subject, Rollup rollup, IReadOnlyList<Measure> measures, DateRange? range)
    {
        var source = new FactSource(subject, subject.TimeDimensions[rollup.TimeDimension]);
        var keys = new List<SqlSelectItem> { new(source.Date, RollupColumns.Time) };
        if (rollup.Grain == Grain.Hour)
        {
            keys.Add(new SqlSelectItem(source.Hour, RollupColumns.Hour));
        }

        keys.AddRange(rollup.Dimensions.Select(name => new SqlSelectItem(source.Dimension(name), RollupColumns.Dimension(name))));
        if (subject.Scope.Branch is not null)
        {
            keys.Add(new SqlSelectItem(source.Branch, RollupColumns.Branch));
        }

        var partials = measures.SelectMany(source.Partials).ToList();
        return new SqlSelect
        {
            Columns = [.. keys, .. partials],
            From = source.From,
            Joins = source.Joins,
            Where = Conditions.All(Within(source, range)),
            GroupBy = keys.Select(key => key.Expression).ToList(),
        };
    }

    /// <summary>Whether <paramref name="query"/> reads every row of its range: no dimension filters, segments or scope.</summary>
    public static bool ReadsEveryRow(ValidatedQuery query, QueryScope scope) =>
        query.DimensionFilters.Count == 0 && query.Segments.Count == 0 && scope.Branches is null && scope.EmployeeId is null;

    // One row over the range's days (within the window), every row of them read: no buckets or groups, no filters,
    // segments or scope.
    private static WholeRange? WholeRangeOf(ValidatedQuery query, QueryScope scope, DateRange? range, DateRange? window,
                                            bool grouped, string? onlyGroups)
    {
        var oneRow = !grouped || (query.Time is null && query.Dimensions.Count == 0);
        if (!oneRow || onlyGroups is not null || !ReadsEveryRow(query, scope))
            return null;
        return (range, window) switch
        {
            ({ } a, { } b) => new WholeRange(new DateRange(a.From > b.From ? a.From : b.From, a.To < b.To ? a.To : b.To)),
            (var a, var b) => new WholeRange(a ?? b),
        };
    }

    /// <summary>A condition of the model (a filtered measure's or a segment's) on a dimension of the subject.</summary>
    public static SqlExpression Condition(AggregateSource source, Subject subject, Condition condition)
    {
        var type = subject.Dimensions[condition.Dimension].Type;
        var values = condition.Values.Select(value => FilterValues.FromModel(value, type)).ToArray();
        return Conditions.Build(source.Dimension(condition.Dimension), condition.Op, values);
    }

    private static IEnumerable<SqlExpression> Within(AggregateSource source, DateRange? range)
    {
        if (range is not null)
        {
            yield return new SqlBinary(SqlBinaryOperator.GreaterOrEqual, source.Date, new SqlParameter(range.From));
            yield return new SqlBinary(SqlBinaryOperator.LessOrEqual, source.Date, new SqlParameter(range.To));
        }
    }

    // exists (select 1 from groups g where g.t is not distinct from <bucket> and g.d_x is not distinct from <x> ...)
    private static SqlExists InGroups(List<SqlSelectItem> keys, string groups) => new(new SqlSelect
    {
        Columns = [new SqlSelectItem(new SqlNumber(1), "one")],
        From = new SqlTableSource(new SqlTable(null, groups), "g"),
        Where = Conditions.All(keys.Select(key =>
            (SqlExpression)new SqlBinary(SqlBinaryOperator.IsNotDistinctFrom, new SqlColumn("g", key.Alias), key.Expression))),
    });

    private static IEnumerable<SqlExpression> ScopeConditions(AggregateSource source, QueryScope scope)
    {
        if (scope.Branches is { } branches)
        {
            yield return branches.Count == 0
                ? new SqlBoolean(false)
                : new SqlInSubquery(
                    source.Branch,
                    new SqlSelect
                    {
                        Columns = [new SqlSelectItem(new SqlColumn("scope_location", "location_key"), "location_key")],
                        From = new SqlTableSource(new SqlTable("gold", "dim_location"), "scope_location"),
                        Where = new SqlInList(new SqlColumn("scope_location", "location_id"),
                                              branches.Select(branch => (SqlExpression)new SqlParameter(branch)).ToArray(), false),
                    });
        }

        if (scope.EmployeeId is { } employee)
        {
            yield return new SqlInSubquery(
                source.Employee,
                new SqlSelect
                {
                    Columns = [new SqlSelectItem(new SqlColumn("scope_employee", "employee_key"), "employee_key")],
                    From = new SqlTableSource(new SqlTable("gold", "dim_employee"), "scope_employee"),
                    Where = new SqlBinary(SqlBinaryOperator.Equal,
                                          new SqlColumn("scope_employee", "employee_id"), new SqlParameter(employee)),
                });
        }
    }
}
