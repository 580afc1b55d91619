using Microsoft.Extensions.DependencyInjection;
using Northstar.Ingest;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;
using Northstar.Server.Tests.Ingest;

namespace Northstar.Server.Tests.Exports;

/// <summary>
/// The real app on DuckDB with a hand-made shop loaded through the ingest pipeline, and exports bounded to
/// <see cref="MaxRows"/> rows. Branch <c>loc-a</c> (UTC) sells one of each product on 2026-02-10 (10.00 each, the
/// discount bin 12.50); the discount bin is refunded on 2026-02-11 (a -12.50 line); the plain product sells again on
/// 2026-02-12. Sales by product and day: 9 rows in February, 8 up to 2026-02-11; by product: 7 rows.
/// </summary>
public sealed class ExportApp : IAsyncLifetime
{
    public const int MaxRows = 8;

    /// <summary>Product names a spreadsheet would run as formulas, or that need quoting, by product id.</summary>
    public static readonly IReadOnlyDictionary<string, string> Products = new Dictionary<string, string>
    {
        ["p-formula"] = "=HYPERLINK(\"http://evil.example\",\"x\")",
        ["p-plus"] = "+Tip jar",
        ["p-minus"] = "-Discount bin",
        ["p-at"] = "@SUM(A1)",
        ["p-tab"] = "\tTabbed",
        ["p-comma"] = "Paint, \"white\"",
        ["p-plain"] = "Plain",
    };

    private static readonly DateTimeOffset Sold = new(2026, 2, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Refunded = new(2026, 2, 11, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SoldAgain = new(2026, 2, 12, 15, 0, 0, TimeSpan.Zero);

    private IngestApp? _app;

    public IngestApp App => _app!;

    public async Task InitializeAsync()
    {
        _app = await IngestApp.StartAsync(TestEngine.DuckDb, new Dictionary<string, string?> { ["Northstar:Export:MaxRows"] = $"{MaxRows}" });
        var pipeline = _app.Factory.Services.GetRequiredService<IngestPipeline>();
        await pipeline.AcceptAsync("test", EntityKind.Locations, [IncomingEvent.From(new LocationEvent("loc-a", Sold, "Main St"))]);
        await pipeline.AcceptAsync("test", EntityKind.Products,
            [.. Products.Select(product => IncomingEvent.From(new ProductEvent(product.Key, Sold, product.Value, UnitPrice: 10m)))]);
        var lines = Products.Keys.Select((product, i) =>
            new OrderLineItem(i + 1, 1, Price(product), Price(product), product)).ToList();
        var total = lines.Sum(line => line.LineTotal);
        var refundedLine = lines.Single(line => line.ProductId == "p-minus") with { RefundedAmount = 12.5m };
        await pipeline.AcceptAsync("test", EntityKind.Orders,
        [
            IncomingEvent.From(new OrderEvent("ord-1", Sold, "loc-a", Sold, lines, Subtotal: total, Total: total)),
            IncomingEvent.From(new OrderEvent("ord-2", SoldAgain, "loc-a", SoldAgain, [new OrderLineItem(1, 1, 10m, 10m, "p-plain")],
                Subtotal: 10m, Total: 10m)),
        ]);
        await pipeline.ProcessPendingAsync();
        // The refund: an update of the order, processed as a later batch.
        await pipeline.AcceptAsync("test", EntityKind.Orders,
        [
            IncomingEvent.From(new OrderEvent("ord-1", Refunded, "loc-a", Sold,
                [.. lines.Select(line => line.ProductId == "p-minus" ? refundedLine : line)],
                State: "partially_refunded", Subtotal: total, Total: total, RefundedAmount: 12.5m, RefundedAt: Refunded)),
        ]);
        await pipeline.ProcessPendingAsync();
    }

    private static decimal Price(string product) => product == "p-minus" ? 12.5m : 10m;

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
