using Northstar.Core.Model;
using Northstar.Core.Rollups;

namespace Northstar.Core.Tests.Rollups;

public sealed class RollupTableTests
{
    private static readonly SemanticModel Model = RollupTestModel.Model;

    [Fact]
    public void The_build_creates_the_table_from_the_compilers_aggregate_of_the_fact_table()
    {
        var table = RollupTable.Of(Model, RollupTestModel.SalesByLocation, SqlDialect.PostgreSql);

        var build = table.Build().Sql;

        Assert.StartsWith("create table \"rollups\".\"sales_by_location\" as\nselect \"f\".\"local_date\" as \"t\", " +
                          "\"location\".\"name\" as \"d_location\", \"f\".\"location_key\" as \"s_branch\", " +
                          "coalesce(sum(\"f\".\"net_amount\"), (0)) as \"m_revenue\", count(*) as \"m_lines\", " +
                          "coalesce(sum(\"f\".\"net_amount\") filter (where (\"product\".\"category\" = $1)), (0)) as \"m_paint_revenue\", " +
                          "sum(\"f\".\"net_amount\") as \"m_average_line_sum\", count(\"f\".\"net_amount\") as \"m_average_line_count\", " +
                          "max(\"f\".\"net_amount\") as \"m_largest_line\"\nfrom \"gold\".\"fact_sales\" \"f\"", build, StringComparison.Ordinal);
        Assert.EndsWith("group by \"f\".\"local_date\", \"location\".\"name\", \"f\".\"location_key\"\norder by \"t\"", build, StringComparison.Ordinal);
        Assert.Equal(["Paint"], table.Build().Parameters);
        Assert.DoesNotContain("\nwhere ", build, StringComparison.Ordinal);
    }

    [Fact]
    public void An_hourly_rollup_keeps_the_local_hour_beside_the_date()
    {
        var hourly = RollupTable.Of(Model, Model.Rollups.Single(rollup => rollup.Name == "sales_hourly"), SqlDialect.DuckDb);

        Assert.Contains("select \"f\".\"local_date\" as \"t\", \"f\".\"local_hour\" as \"h\", ", hourly.Build().Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refresh_replaces_the_buckets_of_the_dates_touched()
    {
        var table = RollupTable.Of(Model, RollupTestModel.SalesByLocation, SqlDialect.DuckDb);
        var (from, to) = (new DateOnly(2025, 1, 3), new DateOnly(2025, 1, 4));

        var refresh = table.Refresh(from, to);

        Assert.Equal(2, refresh.Count);
        Assert.Equal("delete from \"rollups\".\"sales_by_location\" where \"t\" >= $1 and \"t\" <= $2", refresh[0].Sql);
        Assert.Equal([from, to], refresh[0].Parameters);
        Assert.StartsWith("insert into \"rollups\".\"sales_by_location\" (\"t\", \"d_location\", ", refresh[1].Sql, StringComparison.Ordinal);
        Assert.Contains(")\nselect ", refresh[1].Sql, StringComparison.Ordinal);
        Assert.Contains("where ((\"f\".\"local_date\" >= $2) and (\"f\".\"local_date\" <= $3))", refresh[1].Sql, StringComparison.Ordinal);
        Assert.Equal(["Paint", from, to], refresh[1].Parameters);
    }

    [Fact]
    public void A_refresh_of_every_date_after_a_dimension_change_replaces_the_whole_table()
    {
        var refresh = RollupTable.Of(Model, RollupTestModel.SalesByLocation, SqlDialect.DuckDb).Refresh(DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Equal("delete from \"rollups\".\"sales_by_location\"", refresh[0].Sql);
        Assert.DoesNotContain("\nwhere ", refresh[1].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_changes_with_the_definition_and_only_then()
    {
        var rollup = RollupTestModel.SalesByLocation;
        var same = RollupTable.Of(Model, rollup with { Source = new SourceLocation("other.yaml", 9) }, SqlDialect.DuckDb);
        var fewer = RollupTable.Of(Model, rollup with { Measures = ["revenue"] }, SqlDialect.DuckDb);

        var fingerprint = RollupTable.Of(Model, rollup, SqlDialect.DuckDb).Fingerprint;

        Assert.Equal(fingerprint, same.Fingerprint);
        Assert.NotEqual(fingerprint, fewer.Fingerprint);
    }

    [Fact]
    public void A_distinct_count_cannot_be_kept_in_a_rollup()
    {
        var rollup = RollupTestModel.SalesByLocation with { Measures = ["revenue", "orders"] };

        var error = Assert.Throws<InvalidOperationException>(() => RollupTable.Of(Model, rollup, SqlDialect.DuckDb));

        Assert.Contains("'orders', a distinct count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollup_coarser_than_a_day_is_refused_as_ranges_can_cut_its_buckets()
    {
        var rollup = RollupTestModel.SalesByLocation with { Grain = Grain.Month };

        var error = Assert.Throws<InvalidOperationException>(() => RollupTable.Of(Model, rollup, SqlDialect.DuckDb));

        Assert.Contains("is by month: rollups are by day or by hour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Maintenance_refreshes_only_the_rollups_of_the_subjects_changed()
    {
        var maintenance = new RollupMaintenance(Model, SqlDialect.DuckDb);
        var day = new DateOnly(2025, 1, 3);

        var sales = maintenance.RefreshStatements(["sales"], day, day);
        var none = maintenance.RefreshStatements(["system", "pipeline"], day, day);

        Assert.Equal(6, sales.Count); // three sales rollups: delete and insert each
        Assert.All(sales, statement => Assert.Contains("\"rollups\".\"sales_", statement.Sql, StringComparison.Ordinal));
        Assert.Empty(none);
    }
}
