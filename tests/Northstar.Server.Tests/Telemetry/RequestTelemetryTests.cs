using System.Net;
using System.Text;
using Dapper;
using Northstar.Server.Accounts;
using Northstar.Server.Telemetry;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;

namespace Northstar.Server.Tests.Telemetry;

/// <summary>
/// The middleware and the writer on the real app: the requests it serves are recorded with the endpoint's route pattern
/// and the final status (401 of an anonymous query, 403 of a refused role, 404 of an unknown id), written to
/// gold.fact_requests and queryable as the technology subject, a 500 of an exception among them; static files are not
/// recorded.
/// </summary>
public sealed class RequestTelemetryTests
{
    [Fact]
    public Task Served_requests_are_recorded_by_route_pattern_and_final_status_and_become_queryable_on_DuckDB() =>
        Scenario(TestEngine.DuckDb);

    [PostgresFact]
    public Task Served_requests_are_recorded_by_route_pattern_and_final_status_and_become_queryable_on_PostgreSQL() =>
        Scenario(TestEngine.Postgres);

    private static async Task Scenario(TestEngine engine)
    {
        await using var app = await TelemetryApp.StartAsync(engine);
        using var anonymous = app.Factory.CreateClient();
        using var viewer = await app.Factory.SignedInClientAsync(Role.Viewer);
        await app.FlushAsync(); // the sign-ins so far

        var secretId = $"dash-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(
            new Uri("/api/query", UriKind.Relative), new StringContent("""{ "metrics": ["revenue"] }""", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync(new Uri($"/api/dashboards/{secretId}?token=abc", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/no-such-api/{secretId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync(new Uri("/api/users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await app.Admin.GetAsync(new Uri(ThrowingEndpoint.Path, UriKind.Relative))).StatusCode);
        await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(5, await app.FlushAsync());

        var answer = await app.QueryAsync("""
            { "metrics": ["requests", "server_errors"], "dimensions": ["method", "route", "status"],
              "time": { "range": { "preset": "last_7_days" } } }
            """);
        var rows = TelemetryApp.Rows(answer)
            .Select(row => ((string)row["method"]!, (string)row["route"]!, (int)(double)row["status"]!, (double)row["requests"]!))
            .ToList();
        (string, string, int, double)[] expected =
        [
            ("POST", "/api/auth/login", 200, 2.0), // the Super Admin's and the Viewer's sign-ins
            ("POST", "/api/query", 401, 1.0),
            ("GET", "/api/dashboards/{id}", 404, 1.0),
            ("GET", "/api/{**path}", 404, 1.0),
            ("GET", "/api/users", 403, 1.0),
            ("GET", ThrowingEndpoint.Path, 500, 1.0),
        ];
        Assert.Equal(expected.Order(), rows.Order());
        Assert.DoesNotContain(rows, row => row.Item2.Contains(secretId, StringComparison.Ordinal) || row.Item2.Contains('?', StringComparison.Ordinal));
        Assert.Equal(1, TelemetryApp.Total(answer, "server_errors"));

        // The technology subject has no scope column: any role but Super Admin is refused (fail closed).
        using var refused = await viewer.PostAsync(
            new Uri("/api/query", UriKind.Relative), new StringContent("""{ "metrics": ["api_p95_ms"] }""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        await using var connection = await app.Warehouse.OpenReadConnectionAsync();
        var nodes = (await connection.QueryAsync<string>("select distinct node from gold.fact_requests")).ToList();
        Assert.Equal([TelemetryApp.Node], nodes);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from gold.fact_requests where duration_ms < 0 or local_date is null"));
    }
}
