using System.Net;
using System.Text.Json;
using Northstar.Server.Tests.Support;
using Northstar.Testing;

namespace Northstar.Server.Tests;

public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task Info_names_postgresql_with_its_own_version()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var factory = new NorthstarAppFactory(NorthstarAppFactory.PostgresSettings(database.ConnectionString));
        using var client = factory.CreateClient();

        var body = await HttpAssert.JsonAsync(await client.GetAsync(new Uri("/api/info", UriKind.Relative)), HttpStatusCode.OK);

        Assert.Equal("PostgreSQL", body.GetProperty("engine").GetProperty("name").GetString());
        Assert.Matches(@"^1[5-9]\.\d+", body.GetProperty("engine").GetProperty("version").GetString());
        Assert.Equal("PostgreSql", body.GetProperty("dialect").GetString());
    }

    [PostgresReplicaFact]
    public async Task Readiness_on_postgresql_is_ready_after_startup_migrations_and_lists_the_replica_in_use()
    {
        var replica = TestServices.Require(TestServices.PostgresReplica, "NORTHSTAR_TEST_PG_REPLICA");
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = NorthstarAppFactory.PostgresSettings(database.ConnectionString);
        settings["Northstar:Database:Replicas:0"] = database.On(replica);
        // Checked on every read, so the answer reflects the replica now rather than at the last interval.
        settings["Northstar:Database:ReplicaCheckInterval"] = "00:00:00";
        await using var factory = new NorthstarAppFactory(settings);
        using var client = factory.CreateClient();

        // The replica replays the new database and its migrations shortly after the primary commits them.
        var body = await PollReadinessAsync(client, ready => ready.GetProperty("replicas")[0].GetProperty("inUse").GetBoolean());

        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal("PostgreSQL", body.GetProperty("engine").GetString());
        Assert.True(body.GetProperty("migrations").GetProperty("applied").GetBoolean());
        var listed = Assert.Single(body.GetProperty("replicas").EnumerateArray());
        Assert.True(listed.GetProperty("reachable").GetBoolean());
        Assert.True(listed.GetProperty("lagSeconds").GetDouble() >= 0);
        var port = new Npgsql.NpgsqlConnectionStringBuilder(replica).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(port, listed.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Username=", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads /readyz (which must be 200) until <paramref name="condition"/> holds, for at most 30 seconds.</summary>
    private static async Task<JsonElement> PollReadinessAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), deadline.Token);
            var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
            if (condition(body))
                return body;
            Assert.False(deadline.IsCancellationRequested, $"/readyz never showed the replica in use: {body}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }
}
