using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Northstar.Server.Tests.Support;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Ingest;

public sealed partial class WebhookCrashTests
{
    private const string Source = "crash-test";
    private const string Secret = "crash-test-secret-0123456789abcdef0123456789";
    private const int Events = 400;
    private const int KillAfterAcknowledged = 60;
    private const int Senders = 8;

    [Fact]
    public async Task Killing_the_server_mid_burst_loses_no_acknowledged_event_and_duplicates_none()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        string[] settings = [$"--Northstar:Database:DataDirectory={data}", $"--Northstar:Ingest:Sources:{Source}:Secret={Secret}"];

        var acknowledged = await SendBurstAndKillAsync(folder.Path, settings);
        Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Events - 1);

        await using (var restarted = await RunningServer.StartAsync(folder.Path, settings))
        {
            await restarted.WaitForLineAsync(CaughtUpLine(), TimeSpan.FromSeconds(120));
            // Redelivered after the crash, every acknowledged event is recognised.
            using var client = new HttpClient { BaseAddress = restarted.Address };
            foreach (var id in acknowledged.Take(20))
            {
                var body = await HttpAssert.JsonAsync(await client.SendAsync(Signed(id)), HttpStatusCode.OK);
                Assert.Equal("duplicate", body.GetProperty("results")[0].GetProperty("status").GetString());
            }

            await restarted.KillAsync();
        }

        await using var warehouse = WarehouseFactory.Create(new WarehouseOptions { DataDirectory = data });
        var bronze = await ReadIdsAsync(warehouse, $"select external_id from bronze.events where source = '{Source}'");
        var silver = await ReadIdsAsync(warehouse, "select external_id from silver.orders");
        var pending = await ReadIdsAsync(warehouse, "select external_id from bronze.events where status = 'pending'");

        Assert.Empty(bronze.GroupBy(id => id).Where(group => group.Count() > 1).Select(group => group.Key));
        Assert.Empty(acknowledged.Except(bronze));
        Assert.Empty(acknowledged.Except(silver));
        Assert.Empty(pending);
    }

    /// <summary>Sends <see cref="Events"/> orders from concurrent senders and kills the server after some are acknowledged.</summary>
    private static async Task<HashSet<string>> SendBurstAndKillAsync(string workingDirectory, string[] settings)
    {
        var acknowledged = new ConcurrentBag<string>();
        await using var server = await RunningServer.StartAsync(workingDirectory, settings);
        using var client = new HttpClient { BaseAddress = server.Address };
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync)));
        return [.. acknowledged];

        async Task SendAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < Events; i = Interlocked.Increment(ref next))
            {
                var id = $"ord-{i:D4}";
                try
                {
                    using var response = await client.SendAsync(Signed(id));
                    if (response.StatusCode != HttpStatusCode.OK)
                        continue;
                    acknowledged.Add(id);
                    if (acknowledged.Count == KillAfterAcknowledged)
                        await server.KillAsync();
                }
                catch (HttpRequestException)
                {
                    // The server died under this request, or was gone already: the event is not acknowledged.
                }
            }
        }
    }

    private static HttpRequestMessage Signed(string id) =>
        SignedRequest.Create("orders", SampleEvents.Json(SampleEvents.Order(id)), Source, Secret, DateTimeOffset.UtcNow);

    private static async Task<List<string>> ReadIdsAsync(IWarehouse warehouse, string sql)
    {
        await using DbConnection connection = await warehouse.OpenReadConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }

    [GeneratedRegex("Ingest processing caught up after start-up")]
    private static partial Regex CaughtUpLine();
}
