using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>
/// The aggregate select of one subject: its base measures over the fact table <c>f</c> (with only the joins needed),
/// filtered by range, dimension filters, segments and the caller's scope, grouped by the time bucket and dimensions.
/// Its output columns are named <see cref="TimeAlias"/>, <see cref="DimensionAlias"/> and <see cref="MeasureAlias"/>, so
/// that a rollup table with the same columns could stand in for it.
/// </summary>
internal static class SubjectAggregate
{
    /// <summary>The alias of the fact table.</summary>
    public const string Fact = "f";

    /// <summary>The column of the time bucket.</summary>
    public const string TimeAlias = "t";

    /// <summary>The column of a dimension.</summary>
    public static string DimensionAlias(string dimension) => "d_" + dimension;

    /// <summary>The column of a base measure.</summary>
    public static string MeasureAlias(string measure) => "m_" + measure;

    /// <summary>Builds the aggregate of <paramref name="part"/>.</summary>
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
        var joins = new HashSet<string>(StringComparer.Ordinal);
        SqlExpression Column(ColumnRef column)
        {
            if (column.Join is not null)
            {
                joins.Add(column.Join);
            }

            return new SqlColumn(column.Join ?? Fact, column.Column);
        }

        SqlExpression DimensionColumn(string name)
        {
            var dimension = subject.Dimensions[name];
            return Column(new ColumnRef(dimension.Join, dimension.Column));
        }

        SqlExpression Condition(Condition condition)
        {
            var type = subject.Dimensions[condition.Dimension].Type;
            var values = condition.Values.Select(value => FilterValues.FromModel(value, type)).ToArray();
            return Conditions.Build(DimensionColumn(condition.Dimension), condition.Op, values);
        }

        // Totals need the group keys only to find the rows of the groups that pass the metric filters.
        var keys = new List<SqlSelectItem>();
        if (grouped || onlyGroups is not null)
        {
            if (query.Time is { } time)
            {
                var date = new SqlColumn(Fact, part.Time.DateColumn);
                keys.Add(new SqlSelectItem(
                    time.Grain == Grain.Hour
                        ? new SqlHourBucket(date, new SqlColumn(Fact, part.Time.HourColumn!))
                        : new SqlDateBucket(time.Grain, date),
                    TimeAlias));
            }

            keys.AddRange(query.Dimensions.Select(dimension =>
                new SqlSelectItem(DimensionColumn(dimension.Name), DimensionAlias(dimension.Name))));
        }

        var measures = part.Measures
            .Select(measure => new SqlSelectItem(Aggregate(measure, Column, Condition), MeasureAlias(measure.Name)))
            .ToList();

        var where = new List<SqlExpression>();
        var dateColumn = new SqlColumn(Fact, part.Time.DateColumn);
        foreach (var bound in new[] { range, window })
        {
            if (bound is not null)
            {
                where.Add(new SqlBinary(SqlBinaryOperator.GreaterOrEqual, dateColumn, new SqlParameter(bound.From)));
                where.Add(new SqlBinary(SqlBinaryOperator.LessOrEqual, dateColumn, new SqlParameter(bound.To)));
            }
        }

        where.AddRange(query.DimensionFilters.Select(filter => Conditions.Build(DimensionColumn(filter.Member), filter.Op, filter.Values)));
        where.AddRange(query.Segments.SelectMany(segment => subject.Segments[segment].Conditions).Select(Condition));
        where.AddRange(ScopeConditions(subject, scope));
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
            From = new SqlTableSource(SqlTable.Parse(subject.Table), Fact),
            Joins = subject.Joins.Values
                .Where(join => joins.Contains(join.Name))
                .Select(join => new SqlJoin(
                    SqlTable.Parse(join.Table), join.Name,
                    new SqlBinary(SqlBinaryOperator.Equal,
                                  new SqlColumn(join.Name, join.TargetColumn), new SqlColumn(Fact, join.FactColumn))))
                .ToList(),
            Where = Conditions.All(where),
            GroupBy = keys.Select(key => key.Expression).ToList(),
        };
    }

    // exists (select 1 from groups g where g.t is not distinct from <bucket> and g.d_x is not distinct from <x> ...)
    private static SqlExists InGroups(List<SqlSelectItem> keys, string groups) => new(new SqlSelect
    {
        Columns = [new SqlSelectItem(new SqlNumber(1), "one")],
        From = new SqlTableSource(new SqlTable(null, groups), "g"),
        Where = Conditions.All(keys.Select(key =>
            (SqlExpression)new SqlBinary(SqlBinaryOperator.IsNotDistinctFrom, new SqlColumn("g", key.Alias), key.Expression))),
    });

    private static SqlFunction Aggregate(Measure measure, Func<ColumnRef, SqlExpression> column,
                                         Func<Condition, SqlExpression> condition)
    {
        SqlExpression argument = measure.Column is null ? new SqlStar() : column(measure.Column);
        var (name, distinct) = measure.Aggregation switch
        {
            Aggregation.Sum => ("sum", false),
            Aggregation.Count => ("count", false),
            Aggregation.CountDistinct => ("count", true),
            Aggregation.Avg => ("avg", false),
            Aggregation.Min => ("min", false),
            Aggregation.Max => ("max", false),
            _ => throw new InvalidOperationException($"Unknown aggregation {measure.Aggregation}."),
        };
        return new SqlFunction(name, [argument], distinct, Conditions.All(measure.Filter.Select(condition)));
    }

    private static IEnumerable<SqlExpression> ScopeConditions(Subject subject, QueryScope scope)
    {
        if (scope.Branches is { } branches)
        {
            yield return branches.Count == 0
                ? new SqlBoolean(false)
                : new SqlInSubquery(
                    new SqlColumn(Fact, subject.Scope.Branch!),
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
                new SqlColumn(Fact, subject.Scope.Employee!),
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
