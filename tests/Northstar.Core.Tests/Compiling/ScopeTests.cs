using Northstar.Core.Compiling;
using Northstar.Core.Queries;

namespace Northstar.Core.Tests.Compiling;

public sealed class ScopeTests
{
    [Fact]
    public void Branches_and_employee_become_bound_conditions_in_every_subject_and_statement()
    {
        var compiled = Specs.Compile("""
            { "metrics": ["revenue", "cost_per_lead"], "time": { "range": { "from": "2025-01-01", "to": "2025-01-31" } },
              "compare": "previous_year" }
            """, scope: new QueryScope(["north", "east"], null, null));

        foreach (var statement in new[] { compiled.Rows, compiled.Totals, compiled.Comparison!.Rows, compiled.Comparison.Totals })
        {
            // One branch condition per subject read (sales, marketing, leads), each with both branch ids bound.
            Assert.Equal(3, Count(statement.Sql, "in (select \"scope_location\".\"location_key\""));
            Assert.Equal(3, statement.Parameters.Count(value => value is "north"));
            Assert.Equal(3, statement.Parameters.Count(value => value is "east"));
        }
    }

    [Fact]
    public void An_employee_scope_filters_on_the_employee_key_of_the_fact()
    {
        var compiled = Specs.Compile("""{ "metrics": ["revenue"] }""", scope: new QueryScope(null, "e-7", null));

        Assert.Contains("(\"f\".\"employee_key\" in (select \"scope_employee\".\"employee_key\"", compiled.Totals.Sql, StringComparison.Ordinal);
        Assert.Contains("e-7", compiled.Totals.Parameters);
    }

    [Fact]
    public void No_branch_at_all_sees_nothing()
    {
        var compiled = Specs.Compile("""{ "metrics": ["revenue"] }""", scope: new QueryScope([], null, null));

        Assert.Contains("false", compiled.Totals.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_without_the_scope_column_needed_is_refused_for_a_restricted_caller()
    {
        // Marketing spend has a branch column but no employee column.
        var employee = Assert.Single(Specs.Errors("""{ "metrics": ["revenue", "cost_per_lead"] }""", new QueryScope(null, "e-7", null)));
        Assert.Equal("metrics[1]", employee.Field);
        Assert.Equal("You do not have access to Cost per lead.", employee.Message);

        // Requests have no scope column: only an unrestricted caller sees them, even with only a window of days.
        var window = Assert.Single(Specs.Errors("""{ "metrics": ["requests"] }""", new QueryScope(null, null, 30)));
        Assert.Equal("metrics[0]", window.Field);

        var filter = Assert.Single(Specs.Errors("""
            { "metrics": ["revenue"], "filters": [ { "member": "requests", "op": "gt", "values": [1] } ] }
            """, new QueryScope(["north"], null, null)));
        Assert.Equal("filters[0].member", filter.Field);

        Assert.NotNull(Specs.Compile("""{ "metrics": ["requests", "cost_per_lead"] }"""));
        Assert.NotNull(Specs.Compile("""{ "metrics": ["cost_per_lead"] }""", scope: new QueryScope(["north"], null, 30)));
    }

    [Fact]
    public void A_window_clamps_the_range_and_bounds_all_time()
    {
        var window = new QueryScope(null, null, 30);

        Assert.Equal(new DateRange(new(2025, 2, 14), new(2025, 3, 15)), Specs.Compile("""{ "metrics": ["revenue"] }""", window).Range);
        Assert.Equal(new DateRange(new(2025, 2, 14), new(2025, 3, 1)), Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "from": "2024-01-01", "to": "2025-03-01" } } }
            """, window).Range);
        Assert.Equal(new DateRange(new(2025, 3, 9), new(2025, 3, 15)), Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "preset": "last_7_days" } } }
            """, window).Range);

        var outside = Assert.Single(Specs.Errors("""
            { "metrics": ["revenue"], "time": { "range": { "preset": "last_year" } } }
            """, window));
        Assert.Equal("time.range", outside.Field);
    }

    [Fact]
    public void A_window_also_bounds_the_comparison_statements()
    {
        var compiled = Specs.Compile("""
            { "metrics": ["revenue"], "time": { "range": { "preset": "last_7_days" } }, "compare": "previous_year" }
            """, scope: new QueryScope(null, null, 30));

        // The comparison range (a year back) is outside the window, and the window's own bounds are in the statement.
        Assert.Equal(new DateRange(new(2024, 3, 9), new(2024, 3, 15)), compiled.Comparison!.Range);
        Assert.Equal([new DateOnly(2024, 3, 9), new DateOnly(2024, 3, 15), new DateOnly(2025, 2, 14), new DateOnly(2025, 3, 15)],
                     compiled.Comparison.Totals.Parameters);
    }

    [Fact]
    public void The_scope_is_part_of_the_normalized_key()
    {
        const string Spec = """{ "metrics": ["revenue"] }""";

        var keys = new[]
        {
            Specs.Compile(Spec).NormalizedKey,
            Specs.Compile(Spec, new QueryScope(["north"], null, null)).NormalizedKey,
            Specs.Compile(Spec, new QueryScope(["south"], null, null)).NormalizedKey,
            Specs.Compile(Spec, new QueryScope(null, "e-1", null)).NormalizedKey,
            Specs.Compile(Spec, new QueryScope(null, null, 30)).NormalizedKey,
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(Specs.Compile(Spec, new QueryScope(["a", "b"], null, null)).NormalizedKey,
                     Specs.Compile(Spec, new QueryScope(["b", "a"], null, null)).NormalizedKey);
    }

    [Fact]
    public void A_window_of_no_days_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => QueryCompiler.Compile(
            Specs.Model, Specs.Parse("""{ "metrics": ["revenue"] }"""), new QueryScope(null, null, 0),
            new CompileContext(Core.SqlDialect.DuckDb, Specs.Today)));
    }

    [Fact]
    public void Different_scopes_never_share_a_key_even_when_their_ids_spell_the_same_text()
    {
        QueryScope[] scopes =
        [
            QueryScope.Unrestricted,
            new(["b1", "b2"], null, null),
            new(["b1,b2"], null, null),
            new(["b1"], "b2", null),
            new(["b1;e=b2"], null, null),
            new([], null, null),
            new(null, "", null),
            new(null, null, 30),
            new(["b1"], null, 30),
            new(["b1\"", "x"], null, null),
        ];

        Assert.Equal(scopes.Length, scopes.Select(scope => scope.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(new QueryScope(["b2", "b1"], null, null).Key, new QueryScope(["b1", "b2"], null, null).Key);
    }

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
