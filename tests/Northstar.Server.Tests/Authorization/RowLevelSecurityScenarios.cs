using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Queries.Verification;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Authorization;

/// <summary>
/// Row-level security on the demo company (<see cref="DemoWarehouse"/>), run on each engine by
/// <see cref="DuckDbRowLevelSecurityTests"/> and <see cref="PostgresRowLevelSecurityTests"/>: each role asks the same
/// question through <c>POST /api/query</c> and gets exactly the rows its scope allows, checked against plain SQL written
/// here from the gold schema.
/// </summary>
public static class RowLevelSecurityScenarios
{
    // The demo's clock is 2026-02-01 18:00 UTC, noon in the company's zone (America/Chicago): today is 2026-02-01, and a
    // Viewer's last 30 days are 2026-01-03 to 2026-02-01. The demo's data runs from 2025-12-01 to 2026-01-31.
    private static readonly DateOnly ViewerFrom = new(2026, 1, 3);
    private static readonly DateOnly ViewerTo = new(2026, 2, 1);

    private const string SalesOfBranch = """
        select coalesce(sum(f.net_amount), 0) from gold.fact_sales f
        join gold.dim_location l on l.location_key = f.location_key where l.location_id = $1
        """;

    private const string AppointmentsOfBranch = """
        select count(*) from gold.fact_appointments f
        join gold.dim_location l on l.location_key = f.location_key where l.location_id = $1
        """;

    private const string SalesOfEmployee = """
        select coalesce(sum(f.net_amount), 0) from gold.fact_sales f
        join gold.dim_employee e on e.employee_key = f.employee_key where e.employee_id = $1
        """;

    private const string AppointmentsOfEmployee = """
        select count(*) from gold.fact_appointments f
        join gold.dim_employee e on e.employee_key = f.employee_key where e.employee_id = $1
        """;

    private const string SalesBetween = "select coalesce(sum(f.net_amount), 0) from gold.fact_sales f where f.local_date between $1 and $2";

    private const string RevenueByBranch = """{ "metrics": ["revenue"], "dimensions": ["location"] }""";

    public static async Task A_manager_sees_only_the_rows_of_their_branch(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        var (mine, mineName) = branches[0];
        using var manager = await demo.SignedInClientAsync(Role.Manager, [mine]);
        using var admin = await demo.SignedInClientAsync(Role.SuperAdmin);

        var sales = await AnswerAsync(manager, RevenueByBranch);
        var appointments = await AnswerAsync(manager, """{ "metrics": ["appointments_set"], "dimensions": ["location"] }""");
        var everyBranch = await AnswerAsync(admin, RevenueByBranch);

        var expectedSales = await demo.ScalarAsync(SalesOfBranch, mine);
        var expectedAppointments = await demo.ScalarAsync(AppointmentsOfBranch, mine);
        Assert.True(expectedSales > 0 && expectedAppointments > 0, "the branch has sales and appointments");
        Assert.Equal([(mineName, expectedSales)], Rows(sales));
        Assert.Equal(expectedSales, Total(sales, "revenue"));
        Assert.Equal([(mineName, expectedAppointments)], Rows(appointments));
        Assert.Equal(expectedAppointments, Total(appointments, "appointments_set"));
        Assert.Equal(branches.Select(branch => branch.Name).Order(StringComparer.Ordinal),
            Rows(everyBranch).Select(row => row.Key).Order(StringComparer.Ordinal));
    }

    public static async Task A_staff_member_sees_only_their_own_sales_and_appointments(DemoWarehouse demo)
    {
        // In the demo, cashiers ring up the showroom's sales and sales reps run the appointments.
        var (cashier, cashierName) = await EmployeeWithRowsAsync(demo, "gold.fact_sales");
        var (rep, repName) = await EmployeeWithRowsAsync(demo, "gold.fact_appointments");
        using var cashierClient = await demo.SignedInClientAsync(Role.Staff, employeeId: cashier);
        using var repClient = await demo.SignedInClientAsync(Role.Staff, employeeId: rep);

        var sales = await AnswerAsync(cashierClient, """{ "metrics": ["revenue"], "dimensions": ["employee"] }""");
        var salesByBranch = await AnswerAsync(cashierClient, RevenueByBranch);
        var cashiersAppointments = await AnswerAsync(cashierClient, """{ "metrics": ["appointments_set"] }""");
        var appointments = await AnswerAsync(repClient, """{ "metrics": ["appointments_set"], "dimensions": ["employee"] }""");
        var repsSales = await AnswerAsync(repClient, """{ "metrics": ["revenue"] }""");

        var expectedSales = await demo.ScalarAsync(SalesOfEmployee, cashier);
        var expectedAppointments = await demo.ScalarAsync(AppointmentsOfEmployee, rep);
        Assert.True(expectedSales < await demo.ScalarAsync("select sum(f.net_amount) from gold.fact_sales f"), "others sold too");
        Assert.Equal([(cashierName, expectedSales)], Rows(sales));
        Assert.Equal(expectedSales, Total(sales, "revenue"));
        Assert.Equal(expectedSales, Total(salesByBranch, "revenue"));
        Assert.True(Total(cashiersAppointments, "appointments_set") is null or 0m);
        Assert.Equal([(repName, expectedAppointments)], Rows(appointments));
        Assert.Equal(expectedAppointments, Total(appointments, "appointments_set"));
        Assert.True(Total(repsSales, "revenue") is null or 0m);
    }

    public static async Task A_viewer_never_sees_data_older_than_30_days(DemoWarehouse demo)
    {
        using var viewer = await demo.SignedInClientAsync(Role.Viewer);

        var allTime = await AnswerAsync(viewer,
            """{ "metrics": ["revenue"], "time": { "grain": "day", "range": { "preset": "all_time" } } }""");
        var overlapping = await AnswerAsync(viewer,
            """{ "metrics": ["revenue"], "time": { "range": { "from": "2025-12-20", "to": "2026-01-10" } } }""");
        var compared = await AnswerAsync(viewer,
            """{ "metrics": ["revenue"], "time": { "range": { "preset": "last_30_days" } }, "compare": "previous_period" }""");
        var past = await ProblemAsync(await PostAsync(viewer,
            """{ "metrics": ["revenue"], "time": { "range": { "from": "2025-12-01", "to": "2025-12-31" } } }"""),
            HttpStatusCode.BadRequest);

        var days = allTime.GetProperty("rows").EnumerateArray()
            .Select(row => DateOnly.Parse(row[0].GetString()!, CultureInfo.InvariantCulture)).ToList();
        var expectedDays = await demo.RowsAsync(
            "select count(distinct f.local_date) from gold.fact_sales f where f.local_date between $1 and $2", ViewerFrom, ViewerTo);
        Assert.NotEmpty(days);
        Assert.All(days, day => Assert.InRange(day, ViewerFrom, ViewerTo));
        Assert.Equal(Convert.ToInt64(expectedDays[0][0], CultureInfo.InvariantCulture), days.Count);
        Assert.Equal(await demo.ScalarAsync(SalesBetween, ViewerFrom, ViewerTo), Total(allTime, "revenue"));
        Assert.Equal(await demo.ScalarAsync(SalesBetween, ViewerFrom, new DateOnly(2026, 1, 10)), Total(overlapping, "revenue"));
        // The previous 30 days are all older than the window: nothing of them is shown.
        var previous = compared.GetProperty("comparison").GetProperty("totals").GetProperty("revenue").GetProperty("previous");
        Assert.True(previous.ValueKind == JsonValueKind.Null || previous.GetDecimal() == 0, $"previous period revenue: {previous}");
        Assert.Equal("time.range", past.GetProperty("field").GetString());
        AssertNoSql(past);
    }

    public static async Task A_tampered_branch_never_widens_a_managers_answer(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        var (mine, mineName) = branches[0];
        var (other, otherName) = branches[1];
        using var manager = await demo.SignedInClientAsync(Role.Manager, [mine]);
        var expected = await demo.ScalarAsync(SalesOfBranch, mine);

        var filteredById = await AnswerAsync(manager, $$"""
            { "metrics": ["revenue"], "dimensions": ["location"],
              "filters": [ { "member": "location_id", "op": "in", "values": ["{{other}}"] } ] }
            """);
        var filteredByName = await AnswerAsync(manager, $$"""
            { "metrics": ["revenue"], "dimensions": ["location"],
              "filters": [ { "member": "location", "op": "equals", "values": ["{{otherName}}"] } ] }
            """);
        var everyBranch = string.Join(", ", branches.Select(branch => $"\"{branch.Id}\""));
        var everyId = await AnswerAsync(manager, $$"""
            { "metrics": ["revenue"], "dimensions": ["location"],
              "filters": [ { "member": "location_id", "op": "in", "values": [{{everyBranch}}] } ] }
            """);
        var notMine = await AnswerAsync(manager, $$"""
            { "metrics": ["revenue"], "filters": [ { "member": "location_id", "op": "not_in", "values": ["{{mine}}"] } ] }
            """);
        var queryString = await AnswerAsync(manager, RevenueByBranch,
            $"?location_id={other}&branch={other}&branches={other}&scope=all&role=super_admin");
        var scopeInBody = await ProblemAsync(await PostAsync(manager, $$"""
            { "metrics": ["revenue"], "dimensions": ["location"], "scope": { "branches": ["{{other}}"] } }
            """), HttpStatusCode.BadRequest);
        var branchesInBody = await ProblemAsync(await PostAsync(manager, $$"""
            { "metrics": ["revenue"], "branches": ["{{other}}"], "location_id": "{{other}}" }
            """), HttpStatusCode.BadRequest);

        Assert.Empty(Rows(filteredById));
        Assert.True(Total(filteredById, "revenue") is null or 0m);
        Assert.Empty(Rows(filteredByName));
        Assert.Equal([(mineName, expected)], Rows(everyId));
        Assert.True(Total(notMine, "revenue") is null or 0m);
        Assert.Equal([(mineName, expected)], Rows(queryString));
        AssertNoSql(scopeInBody);
        AssertNoSql(branchesInBody);
    }

    public static async Task A_subject_without_the_scope_column_a_role_needs_is_refused_and_hidden(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        var (employee, _) = await EmployeeWithRowsAsync(demo, "gold.fact_sales");
        using var staff = await demo.SignedInClientAsync(Role.Staff, employeeId: employee);
        using var manager = await demo.SignedInClientAsync(Role.Manager, [branches[0].Id]);
        using var admin = await demo.SignedInClientAsync(Role.SuperAdmin);
        // Marketing spend has a branch column but no employee column (model/marketing.yaml): a Staff user's
        // restriction cannot be applied to it, so it is refused, and so is a metric that reads it.
        const string Spend = """{ "metrics": ["marketing_spend"] }""";
        const string CostPerLead = """{ "metrics": ["leads", "cost_per_lead"] }""";

        var refused = await ProblemAsync(await PostAsync(staff, Spend), HttpStatusCode.BadRequest);
        var refusedDerived = await ProblemAsync(await PostAsync(staff, CostPerLead), HttpStatusCode.BadRequest);
        var managers = await AnswerAsync(manager, Spend);
        var admins = await AnswerAsync(admin, Spend);
        var staffModel = await ModelAsync(staff);
        var managerModel = await ModelAsync(manager);

        Assert.Equal("metrics[0]", refused.GetProperty("field").GetString());
        Assert.Equal("metrics[1]", refusedDerived.GetProperty("field").GetString());
        AssertNoSql(refused);
        AssertNoSql(refusedDerived);
        Assert.Equal(await demo.ScalarAsync("""
            select coalesce(sum(f.amount), 0) from gold.fact_marketing_spend f
            join gold.dim_location l on l.location_key = f.location_key where l.location_id = $1
            """, branches[0].Id), Total(managers, "marketing_spend"));
        Assert.Equal(
            await demo.ScalarAsync("select coalesce(sum(f.amount), 0) from gold.fact_marketing_spend f"), Total(admins, "marketing_spend"));
        Assert.DoesNotContain("marketing", staffModel.Subjects);
        Assert.DoesNotContain("marketing_spend", staffModel.Metrics);
        Assert.DoesNotContain("cost_per_lead", staffModel.Metrics);
        Assert.Contains("sales", staffModel.Subjects);
        Assert.Contains("revenue", staffModel.Metrics);
        Assert.Contains("marketing", managerModel.Subjects);
        Assert.Contains("cost_per_lead", managerModel.Metrics);
    }

    public static async Task Explain_is_refused_to_a_manager_and_audited_for_a_super_admin(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        using var manager = await demo.SignedInClientAsync(Role.Manager, [branches[0].Id]);
        using var admin = await demo.SignedInClientAsync(Role.SuperAdmin);
        const string Audited = "select count(*) from app.audit where action = 'query.explained'";
        var before = await demo.ScalarAsync(Audited);

        var refused = await ProblemAsync(await PostAsync(manager, RevenueByBranch, "?explain=true"), HttpStatusCode.Forbidden);
        var afterRefusal = await demo.ScalarAsync(Audited);
        var explained = await AnswerAsync(admin, RevenueByBranch, "?explain=true");

        AssertNoSql(refused);
        Assert.Equal("explain", refused.GetProperty("field").GetString());
        Assert.Equal(before, afterRefusal);
        Assert.Contains("select", explained.GetProperty("explain").GetProperty("statements")[0].GetProperty("sql").GetString(),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before + 1, await demo.ScalarAsync(Audited));
    }

    public static async Task Two_users_with_the_same_question_but_different_branches_never_share_a_cached_answer(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        var (first, firstName) = branches[0];
        var (second, secondName) = branches[1];
        using var managerOfFirst = await demo.SignedInClientAsync(Role.Manager, [first]);
        using var managerOfSecond = await demo.SignedInClientAsync(Role.Manager, [second]);
        using var otherManagerOfFirst = await demo.SignedInClientAsync(Role.Manager, [first]);
        // A question no other test asks, so the cache holds nothing for it until the first manager asks.
        const string Spec = """{ "metrics": ["revenue", "units"], "dimensions": ["location"], "limit": 37 }""";

        var warm = await AnswerAsync(managerOfFirst, Spec);
        var otherScope = await AnswerAsync(managerOfSecond, Spec);
        var sameScope = await AnswerAsync(otherManagerOfFirst, Spec);

        Assert.Equal("miss", Cache(warm));
        Assert.Equal([(firstName, await demo.ScalarAsync(SalesOfBranch, first))], Rows(warm));
        Assert.Equal("miss", Cache(otherScope));
        Assert.Equal([(secondName, await demo.ScalarAsync(SalesOfBranch, second))], Rows(otherScope));
        // The same scope does share: the entry was warm, and only the scope kept the second manager from it.
        Assert.Equal("hit", Cache(sameScope));
        Assert.Equal(Rows(warm), Rows(sameScope));
    }

    public static async Task A_branch_id_spelling_two_branches_does_not_share_their_cached_answer(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        var (first, firstName) = branches[0];
        var (second, secondName) = branches[1];
        using var managerOfTwo = await demo.SignedInClientAsync(Role.Manager, [first, second]);
        // One branch id that reads like the list of the two (a typo when the user was set up): it names no branch.
        using var managerOfTypo = await demo.SignedInClientAsync(Role.Manager, [$"{first},{second}"]);
        const string Spec = """{ "metrics": ["revenue", "units"], "dimensions": ["location"], "limit": 39 }""";

        var warm = await AnswerAsync(managerOfTwo, Spec);
        var typo = await AnswerAsync(managerOfTypo, Spec);

        Assert.Equal(
            new[] { (firstName, await demo.ScalarAsync(SalesOfBranch, first)), (secondName, await demo.ScalarAsync(SalesOfBranch, second)) }
                .OrderBy(row => row.Item1, StringComparer.Ordinal),
            Rows(warm).OrderBy(row => row.Key, StringComparer.Ordinal));
        Assert.Empty(Rows(typo));
        Assert.Equal("miss", Cache(typo));
    }

    public static async Task A_batch_shares_identical_queries_only_within_its_callers_scope(DemoWarehouse demo)
    {
        var branches = await BranchesAsync(demo);
        var (first, firstName) = branches[0];
        var (second, secondName) = branches[1];
        using var managerOfFirst = await demo.SignedInClientAsync(Role.Manager, [first]);
        using var managerOfSecond = await demo.SignedInClientAsync(Role.Manager, [second]);
        const string Spec = """{ "metrics": ["revenue", "units"], "dimensions": ["location"], "limit": 38 }""";
        const string Batch = $$"""{ "queries": [ { "id": "a", "spec": {{Spec}} }, { "id": "b", "spec": {{Spec}} } ] }""";

        var firsts = await BatchAsync(managerOfFirst, Batch);
        var seconds = await BatchAsync(managerOfSecond, Batch);

        var expectedFirst = (firstName, await demo.ScalarAsync(SalesOfBranch, first));
        var expectedSecond = (secondName, await demo.ScalarAsync(SalesOfBranch, second));
        Assert.All(firsts.Values, answer => Assert.Equal([expectedFirst], Rows(answer)));
        Assert.All(seconds.Values, answer => Assert.Equal([expectedSecond], Rows(answer)));
        Assert.All(seconds.Values, answer => Assert.Equal("miss", Cache(answer)));
    }

    /// <summary>The employee (id and name) with the most rows in <paramref name="fact"/>.</summary>
    private static async Task<(string Id, string Name)> EmployeeWithRowsAsync(DemoWarehouse demo, string fact)
    {
        var rows = await demo.RowsAsync($"""
            select e.employee_id, e.name from {fact} f join gold.dim_employee e on e.employee_key = f.employee_key
            where e.employee_key <> 0 group by e.employee_id, e.name order by count(*) desc, e.employee_id limit 1
            """);
        return ((string)rows[0][0]!, (string)rows[0][1]!);
    }

    /// <summary>The demo's branches (id and name), by id.</summary>
    private static async Task<List<(string Id, string Name)>> BranchesAsync(DemoWarehouse demo) =>
        [.. (await demo.RowsAsync("select location_id, name from gold.dim_location where location_key <> 0 order by location_id"))
            .Select(row => ((string)row[0]!, (string)row[1]!))];

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string spec, string query = "") =>
        client.PostAsync(new Uri("/api/query" + query, UriKind.Relative), new StringContent(spec, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> AnswerAsync(HttpClient client, string spec, string query = "")
    {
        using var response = await PostAsync(client, spec, query);
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
            return await HttpAssert.JsonAsync(response, status, "application/problem+json");
    }

    private static async Task<Dictionary<string, JsonElement>> BatchAsync(HttpClient client, string body) =>
        BatchLines.Answers(await BatchLines.PostAsync(client, body));

    private static async Task<(HashSet<string> Subjects, HashSet<string> Metrics)> ModelAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/model", UriKind.Relative));
        var model = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        return (Names(model.GetProperty("subjects")), Names(model.GetProperty("metrics")));

        static HashSet<string> Names(JsonElement members) =>
            members.EnumerateArray().Select(member => member.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The rows of an answer of one dimension and one metric, as (dimension value, metric value).</summary>
    private static List<(string Key, decimal? Value)> Rows(JsonElement answer) =>
        [.. answer.GetProperty("rows").EnumerateArray().Select(row => (row[0].GetString()!, Number(row[1])))];

    private static decimal? Total(JsonElement answer, string metric) => Number(answer.GetProperty("totals").GetProperty(metric));

    private static string? Cache(JsonElement answer) => answer.GetProperty("meta").GetProperty("cache").GetString();

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null
        ? null
        : decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A refusal names no table, column or SQL.</summary>
    private static void AssertNoSql(JsonElement problem)
    {
        var text = problem.GetRawText();
        Assert.DoesNotContain("select ", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gold.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("location_key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("employee_key", text, StringComparison.Ordinal);
    }
}
