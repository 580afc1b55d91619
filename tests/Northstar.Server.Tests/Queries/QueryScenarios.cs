using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Queries;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Queries;

/// <summary>The query API's scenarios, run on each engine by <see cref="DuckDbQueryApiTests"/> and <see cref="PostgresQueryApiTests"/>.</summary>
public static class QueryScenarios
{
    private const string RevenueSpec = """{ "metrics": ["revenue", "orders"] }""";

    private const string RevenueByDaySpec = """
        { "metrics": ["revenue"], "time": { "dimension": "order_date", "grain": "day",
          "range": { "from": "2026-02-01", "to": "2026-03-31" } } }
        """;

    public static async Task Revenue_matches_plain_sql(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        await LoadOrdersAsync(app, ("ord-1", 2m), ("ord-2", 3m), ("ord-3", 1m));

        var total = await QueryAsync(app, RevenueSpec);
        var byDay = await QueryAsync(app, RevenueByDaySpec);

        var expectedRevenue = await ScalarAsync(app, "select sum(net_amount) from gold.fact_sales");
        var expectedOrders = await ScalarAsync(app, "select count(distinct order_id) from gold.fact_sales where net_amount > 0");
        var expectedDays = await RowsAsync(app, "select local_date, sum(net_amount) from gold.fact_sales group by local_date order by local_date");
        Assert.Equal(60m, expectedRevenue);
        Assert.Equal(expectedRevenue, total.GetProperty("totals").GetProperty("revenue").GetDecimal());
        Assert.Equal(expectedOrders, total.GetProperty("totals").GetProperty("orders").GetDecimal());
        Assert.Equal(["revenue", "orders"], total.GetProperty("columns").EnumerateArray().Select(column => column.GetProperty("name").GetString()));
        Assert.Equal("currency", total.GetProperty("columns")[0].GetProperty("format").GetString());
        Assert.Equal(
            expectedDays.Select(row => (AsDate(row[0]), Convert.ToDecimal(row[1], CultureInfo.InvariantCulture))),
            byDay.GetProperty("rows").EnumerateArray().Select(row => (DateOnly.Parse(row[0].GetString()!, CultureInfo.InvariantCulture), row[1].GetDecimal())));
        Assert.Equal(engine == TestEngine.DuckDb ? "DuckDB" : "PostgreSQL", total.GetProperty("meta").GetProperty("engine").GetString());
    }

    public static async Task The_next_identical_query_after_an_ingest_returns_the_new_value(
        TestEngine engine, IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var app = await IngestApp.StartAsync(engine, settings);
        await LoadOrdersAsync(app, ("ord-1", 2m));

        var first = await QueryAsync(app, RevenueSpec);
        var second = await QueryAsync(app, RevenueSpec);
        await LoadOrdersAsync(app, ("ord-2", 5m));
        var third = await QueryAsync(app, RevenueSpec);

        Assert.Equal("miss", Cache(first));
        Assert.Equal("hit", Cache(second));
        Assert.Equal(20m, Revenue(second));
        Assert.Equal("miss", Cache(third));
        Assert.Equal(70m, Revenue(third));
        Assert.True(third.GetProperty("meta").GetProperty("dataVersion").GetProperty("sales").GetInt64()
            > first.GetProperty("meta").GetProperty("dataVersion").GetProperty("sales").GetInt64());
        // "Data as of": when the sales last changed; a hit says the same as the miss it repeats, and a load moves it on.
        Assert.Equal(DataAsOf(first), DataAsOf(second));
        Assert.True(DataAsOf(third) > DataAsOf(first), "the data is as of the later load");
    }

    private static DateTimeOffset DataAsOf(JsonElement answer) =>
        answer.GetProperty("meta").GetProperty("dataAsOf").GetDateTimeOffset();

    public static async Task With_redis_unreachable_no_request_fails(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine, new Dictionary<string, string?> { ["Northstar:Redis"] = $"127.0.0.1:{ClosedPort()}" });
        await LoadOrdersAsync(app, ("ord-1", 2m));

        var first = await QueryAsync(app, RevenueSpec);
        var second = await QueryAsync(app, RevenueSpec);

        Assert.Equal(20m, Revenue(first));
        Assert.Equal(20m, Revenue(second));
        Assert.Equal("hit", Cache(second));
    }

    public static async Task Concurrent_identical_queries_run_once(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        await LoadOrdersAsync(app, ("ord-1", 2m));
        var service = app.Factory.Services.GetRequiredService<QueryService>();
        var before = service.Executions;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => QueryAsync(app, RevenueSpec)));

        Assert.All(answers, answer => Assert.Equal(20m, Revenue(answer)));
        Assert.Equal(1, service.Executions - before);
    }

    public static async Task Explain_adds_the_statements_and_their_parameters_only_when_asked(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        const string spec = """{ "metrics": ["tickets"], "time": { "range": { "from": "2026-02-01", "to": "2026-02-28" } } }""";

        var plain = await QueryAsync(app, spec);
        var explained = await HttpAssert.JsonAsync(
            await app.Client.PostAsync(new Uri("/api/query?explain=true", UriKind.Relative), Json(spec)), HttpStatusCode.OK);

        Assert.False(plain.TryGetProperty("explain", out _));
        var statements = explained.GetProperty("explain").GetProperty("statements");
        Assert.Equal(["rows", "totals"], statements.EnumerateArray().Select(statement => statement.GetProperty("name").GetString()));
        Assert.Contains("$1", statements[0].GetProperty("sql").GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-02-01", statements[0].GetProperty("parameters").GetRawText(), StringComparison.Ordinal);
    }

    public static async Task Invalid_specs_are_400s_naming_the_field(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);

        var unknown = await ProblemAsync(await PostAsync(app, """{ "metrics": ["no_such_metric"] }"""));
        var malformed = await ProblemAsync(await PostAsync(app, """{ "metrics": ["revenue" """));
        var typo = await ProblemAsync(await PostAsync(app, """{ "metric": ["revenue"] }"""));

        Assert.Equal("metrics[0]", unknown.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("metrics[0]", unknown.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("select", unknown.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Malformed JSON", malformed.GetProperty("title").GetString());
        Assert.Contains("line 1", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("metric", typo.GetProperty("field").GetString());
    }

    public static async Task A_batch_streams_one_line_per_query_and_runs_duplicates_once(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        await LoadOrdersAsync(app, ("ord-1", 2m));
        var service = app.Factory.Services.GetRequiredService<QueryService>();
        var before = service.Executions;
        var body = $$"""
            { "queries": [
                { "id": "a", "spec": {{RevenueSpec}} },
                { "id": "b", "spec": {{RevenueSpec}} },
                { "id": "c", "spec": {{RevenueByDaySpec}} },
                { "id": "d", "spec": { "metrics": ["no_such_metric"] } } ] }
            """;

        using var response = await app.Client.PostAsync(new Uri("/api/query/batch", UriKind.Relative), Json(body));
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToDictionary(line => line.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["a", "b", "c", "d"], lines.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(20m, lines["a"].GetProperty("answer").GetProperty("totals").GetProperty("revenue").GetDecimal());
        Assert.Equal(20m, lines["b"].GetProperty("answer").GetProperty("totals").GetProperty("revenue").GetDecimal());
        Assert.Equal(JsonValueKind.Array, lines["c"].GetProperty("answer").GetProperty("rows").ValueKind);
        Assert.Equal(400, lines["d"].GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal(2, service.Executions - before);
    }

    public static async Task A_batch_over_fifty_queries_is_refused(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        var queries = string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{ "id": "q{{i}}", "spec": {{RevenueSpec}} }"""));

        var problem = await ProblemAsync(await app.Client.PostAsync(
            new Uri("/api/query/batch", UriKind.Relative), Json($$"""{ "queries": [{{queries}}] }""")));

        Assert.Equal("queries", problem.GetProperty("field").GetString());
    }

    public static async Task The_model_lists_its_members_without_sql_names(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);

        var model = await HttpAssert.JsonAsync(await app.Client.GetAsync(new Uri("/api/model", UriKind.Relative)), HttpStatusCode.OK);

        var revenue = model.GetProperty("metrics").EnumerateArray().Single(metric => metric.GetProperty("name").GetString() == "revenue");
        Assert.Equal("currency", revenue.GetProperty("format").GetString());
        Assert.Equal(["sales"], revenue.GetProperty("subjects").EnumerateArray().Select(subject => subject.GetString()));
        Assert.Contains(model.GetProperty("subjects").EnumerateArray(), subject => subject.GetProperty("name").GetString() == "sales");
        Assert.Contains(model.GetProperty("dimensions").EnumerateArray(), dimension => dimension.GetProperty("name").GetString() == "location");
        Assert.DoesNotContain("gold.", model.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("net_amount", model.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>Posts orders of one line at 10.00 each (quantity as given) and waits until gold has them.</summary>
    public static async Task LoadOrdersAsync(IngestApp app, params (string Id, decimal Quantity)[] orders)
    {
        var body = SampleEvents.JsonArray([.. orders.Select(order => (object)SampleEvents.Order(order.Id, order.Quantity))]);
        await HttpAssert.JsonAsync(await app.PostSignedAsync("orders", body), HttpStatusCode.OK);
        var ids = string.Join(", ", orders.Select(order => $"'{order.Id}'"));
        await app.WaitForRowsAsync("gold.fact_sales", $"order_id in ({ids})", orders.Length);
    }

    public static async Task<JsonElement> QueryAsync(IngestApp app, string spec) =>
        await HttpAssert.JsonAsync(await PostAsync(app, spec), HttpStatusCode.OK);

    private static Task<HttpResponseMessage> PostAsync(IngestApp app, string spec) =>
        app.Client.PostAsync(new Uri("/api/query", UriKind.Relative), Json(spec));

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest, "application/problem+json");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string? Cache(JsonElement answer) => answer.GetProperty("meta").GetProperty("cache").GetString();

    private static decimal Revenue(JsonElement answer) => answer.GetProperty("totals").GetProperty("revenue").GetDecimal();

    private static async Task<decimal> ScalarAsync(IngestApp app, string sql) =>
        Convert.ToDecimal((await RowsAsync(app, sql))[0][0], CultureInfo.InvariantCulture);

    private static async Task<List<object?[]>> RowsAsync(IngestApp app, string sql)
    {
        var warehouse = app.Factory.Services.GetRequiredService<IWarehouse>();
        await using DbConnection connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidOperationException($"Not a date: {value?.GetType().Name ?? "null"}"),
    };

    /// <summary>A port nothing listens on: bound to find it free, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
