using System.Net;
using System.Net.Sockets;
using System.Text;
using Dapper;
using Northstar.Server.Tests.Support;
using Northstar.Warehouse;

namespace Northstar.Server.Tests;

public sealed class SyncCommandTests
{
    // One Square-shaped page: a completed order of two lines and an open order of one, in minor units.
    private const string Page = """
        { "orders": [
          { "id": "sq-1", "location_id": "L1", "version": 2, "state": "COMPLETED",
            "created_at": "2026-03-02T09:58:12Z", "updated_at": "2026-03-02T10:00:05Z", "closed_at": "2026-03-02T10:00:04Z",
            "line_items": [
              { "uid": "a", "name": "Deck stain", "quantity": "2", "base_price_money": { "amount": 3499, "currency": "USD" },
                "gross_sales_money": { "amount": 6998, "currency": "USD" }, "total_discount_money": { "amount": 0, "currency": "USD" },
                "total_tax_money": { "amount": 0, "currency": "USD" }, "total_money": { "amount": 6998, "currency": "USD" } },
              { "uid": "b", "name": "Brush", "quantity": "1", "base_price_money": { "amount": 1299, "currency": "USD" },
                "gross_sales_money": { "amount": 1299, "currency": "USD" }, "total_discount_money": { "amount": 0, "currency": "USD" },
                "total_tax_money": { "amount": 0, "currency": "USD" }, "total_money": { "amount": 1299, "currency": "USD" } } ],
            "total_money": { "amount": 8297, "currency": "USD" }, "total_tax_money": { "amount": 0, "currency": "USD" },
            "total_discount_money": { "amount": 0, "currency": "USD" }, "total_tip_money": { "amount": 0, "currency": "USD" } },
          { "id": "sq-2", "location_id": "L1", "version": 1, "state": "OPEN",
            "created_at": "2026-03-02T10:04:41Z", "updated_at": "2026-03-02T10:05:00Z",
            "line_items": [
              { "uid": "c", "name": "Stud", "quantity": "3", "base_price_money": { "amount": 489, "currency": "USD" },
                "gross_sales_money": { "amount": 1467, "currency": "USD" }, "total_discount_money": { "amount": 0, "currency": "USD" },
                "total_tax_money": { "amount": 0, "currency": "USD" }, "total_money": { "amount": 1467, "currency": "USD" } } ],
            "total_money": { "amount": 1467, "currency": "USD" }, "total_tax_money": { "amount": 0, "currency": "USD" },
            "total_discount_money": { "amount": 0, "currency": "USD" }, "total_tip_money": { "amount": 0, "currency": "USD" } } ] }
        """;

    [Fact]
    public async Task Sync_square_loads_the_pages_into_gold_and_a_second_run_adds_nothing()
    {
        using var folder = new TempFolder();
        using var square = SquareStub.Start(Page);
        string[] settings =
        [
            $"--Northstar:Database:DataDirectory={Path.Combine(folder.Path, "data")}",
            "--Northstar:Sync:Square:Enabled=true",
            $"--Northstar:Sync:Square:BaseUrl={square.Address}",
            "--Northstar:Sync:Square:AccessToken=test-token-not-secret",
            "--Northstar:Sync:Square:LocationIds:0=L1",
        ];

        var first = await ServerProcess.RunAsync(folder.Path, ["sync", "square", .. settings]);
        var second = await ServerProcess.RunAsync(folder.Path, ["sync", "square", .. settings]);

        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("2 orders: 2 new, 0 already known", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        // The stub answers the same page again: the watermark's start is inclusive, and nothing is applied twice.
        Assert.Contains("2 orders: 0 new, 2 already known", second.Output, StringComparison.Ordinal);
        Assert.Equal("Bearer test-token-not-secret", square.Authorization);
        await using var warehouse = WarehouseFactory.Create(new WarehouseOptions { DataDirectory = Path.Combine(folder.Path, "data") });
        await using var connection = await warehouse.OpenReadConnectionAsync();
        var orders = await connection.QuerySingleAsync<(long Count, decimal Total)>("select count(*), sum(total) from gold.fact_orders");
        Assert.Equal(2, orders.Count);
        Assert.Equal(97.64m, orders.Total);
    }

    /// <summary>A Square-format Orders API on a free loopback port that answers every search with the same page.</summary>
    private sealed class SquareStub : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _serving;

        private SquareStub(HttpListener listener, Uri address, string page)
        {
            _listener = listener;
            Address = address;
            _serving = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (HttpListenerException)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }

                    Authorization = context.Request.Headers["Authorization"];
                    var body = Encoding.UTF8.GetBytes(page);
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
            });
        }

        public Uri Address { get; }

        public string? Authorization { get; private set; }

        public static SquareStub Start(string page)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            listener.Start();
            return new SquareStub(listener, address, page);
        }

        public void Dispose()
        {
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
