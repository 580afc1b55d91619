using Northstar.Ingest.Pipeline;

namespace Northstar.Ingest.Square;

/// <summary>Where the Square sync delivers each page of orders; it must be durable when the call returns.</summary>
public interface ISquareOrderSink
{
    /// <summary>Accepts one page of order events (wire format <c>orders</c>) and reports what became of them.</summary>
    Task<BulkOutcome> AcceptAsync(IReadOnlyList<IncomingEvent> orders, CancellationToken cancellationToken);
}

/// <summary>Delivers Square orders into the ingest pipeline's bulk path, as source <c>square</c>.</summary>
public sealed class IngestPipelineOrderSink(IngestPipeline pipeline) : ISquareOrderSink
{
    /// <inheritdoc />
    public Task<BulkOutcome> AcceptAsync(IReadOnlyList<IncomingEvent> orders, CancellationToken cancellationToken) =>
        pipeline.AcceptBulkAsync(SquareSync.ConnectorName, EntityKind.Orders, orders.ToAsyncEnumerable(), progress: null, cancellationToken);
}
