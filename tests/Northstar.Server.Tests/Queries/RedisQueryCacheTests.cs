using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Northstar.Server.Accounts;
using Northstar.Server.Options;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;

namespace Northstar.Server.Tests.Queries;

/// <summary>The answer cache with Redis as its shared level (<c>NORTHSTAR_TEST_REDIS</c>).</summary>
public sealed class RedisQueryCacheTests
{
    private static Dictionary<string, string?> RedisSettings => new() { ["Northstar:Redis"] = TestServices.Redis };

    [RedisFact]
    public Task After_an_ingest_the_next_identical_query_returns_the_new_value_with_redis_on_DuckDB() =>
        QueryScenarios.The_next_identical_query_after_an_ingest_returns_the_new_value(TestEngine.DuckDb, RedisSettings);

    [RedisFact]
    public Task After_an_ingest_the_next_identical_query_returns_the_new_value_with_redis_on_PostgreSQL() =>
        QueryScenarios.The_next_identical_query_after_an_ingest_returns_the_new_value(TestEngine.Postgres, RedisSettings);

    [RedisFact]
    public async Task A_second_node_gets_the_first_nodes_answer_from_redis_until_an_ingest_changes_it()
    {
        await using var nodeA = await IngestApp.StartAsync(TestEngine.Postgres, RedisSettings);
        var database = nodeA.Factory.Services.GetRequiredService<IOptions<NorthstarOptions>>().Value.Database;
        var settingsB = NorthstarAppFactory.PostgresSettings(database.ConnectionString!);
        settingsB["Northstar:Redis"] = TestServices.Redis;
        await using var nodeB = new NorthstarAppFactory(settingsB);
        using var clientB = await nodeB.SignedInClientAsync(Role.SuperAdmin);
        await QueryScenarios.LoadOrdersAsync(nodeA, ("ord-1", 2m));

        var computedByA = await QueryScenarios.QueryAsync(nodeA, Spec);
        var sharedToB = await QueryAsync(clientB);
        await QueryScenarios.LoadOrdersAsync(nodeA, ("ord-2", 5m));
        var afterIngestOnB = await QueryAsync(clientB);

        Assert.Equal("miss", Cache(computedByA));
        Assert.Equal("hit", Cache(sharedToB));
        Assert.Equal(20m, Revenue(sharedToB));
        Assert.Equal("miss", Cache(afterIngestOnB));
        Assert.Equal(70m, Revenue(afterIngestOnB));
    }

    private const string Spec = """{ "metrics": ["revenue"] }""";

    private static async Task<JsonElement> QueryAsync(HttpClient client) => await HttpAssert.JsonAsync(
        await client.PostAsync(new Uri("/api/query", UriKind.Relative), new StringContent(Spec, Encoding.UTF8, "application/json")),
        HttpStatusCode.OK);

    private static string? Cache(JsonElement answer) => answer.GetProperty("meta").GetProperty("cache").GetString();

    private static decimal Revenue(JsonElement answer) => answer.GetProperty("totals").GetProperty("revenue").GetDecimal();
}
