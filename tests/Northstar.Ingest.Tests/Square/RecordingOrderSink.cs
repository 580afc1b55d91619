using System.Collections.Concurrent;
using System.Text.Json;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Square;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Tests.Square;

/// <summary>
/// Records the pages the sync delivers and answers like the pipeline's dedup would: an idempotency key seen before is
/// a duplicate. Lets the connector be tested up to the events it emits, independently of the pipeline's storage.
/// </summary>
internal sealed class RecordingOrderSink : ISquareOrderSink
{
    private readonly ConcurrentDictionary<string, OrderEvent> _byKey = new();

    public List<IReadOnlyList<IncomingEvent>> Pages { get; } = [];

    /// <summary>When set, delivering this page (1-based) fails as a broken warehouse would, before anything is kept.</summary>
    public int? FailOnPage { get; set; }

    public IReadOnlyDictionary<string, OrderEvent> ByKey => _byKey;

    public OrderEvent Order(string id) => _byKey.Values.Single(order => order.Id == id);

    public Task<BulkOutcome> AcceptAsync(IReadOnlyList<IncomingEvent> orders, CancellationToken cancellationToken)
    {
        if (Pages.Count + 1 == FailOnPage)
            throw new InvalidOperationException("The warehouse is unavailable.");
        Pages.Add(orders);
        long accepted = 0, duplicates = 0;
        foreach (var incoming in orders)
        {
            var order = incoming.Payload.Deserialize<OrderEvent>(WireFormat.Options)!;
            if (_byKey.TryAdd(incoming.IdempotencyKey!, order))
                accepted++;
            else
                duplicates++;
        }

        return Task.FromResult(new BulkOutcome(accepted, duplicates, 0, []));
    }
}
