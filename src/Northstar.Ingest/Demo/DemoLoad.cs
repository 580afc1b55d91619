using System.Runtime.CompilerServices;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo;

/// <summary>Loads the demo company through the ingest pipeline's bulk path, entity by entity, as a file or sync would.</summary>
public static class DemoLoad
{
    /// <summary>The bronze source of the demo's bulk load.</summary>
    public const string Source = "demo";

    /// <summary>Dimensions first, so facts find their keys on the first pass.</summary>
    public static IReadOnlyList<EntityKind> Order { get; } =
    [
        EntityKind.Locations, EntityKind.Employees, EntityKind.Products, EntityKind.Customers, EntityKind.Campaigns,
        EntityKind.Orders, EntityKind.Leads, EntityKind.Appointments, EntityKind.Jobs, EntityKind.Tickets,
        EntityKind.Calls, EntityKind.CanvassDoors, EntityKind.MarketingSpend,
    ];

    /// <summary>
    /// Writes one entity of the demo to bronze. The generator only makes valid records, so an invalid one is a bug:
    /// it throws, naming the record and field.
    /// </summary>
    public static async Task<BulkOutcome> AcceptAsync(
        DemoData data, IngestPipeline pipeline, EntityKind entity, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pipeline);
        var outcome = await pipeline
            .AcceptWireBulkAsync(Source, entity, Events(data.Of(entity), cancellationToken), progress, cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Rejected is [var first, ..])
        {
            throw new InvalidOperationException(
                $"The demo generator produced {outcome.Invalid} invalid {EntityNames.Of(entity)}; the first, #{first.Index} ({first.Id}): "
                + string.Join("; ", first.Errors.Select(error => $"{error.Field} {error.Message}")));
        }

        return outcome;
    }

    /// <summary>Writes every entity to bronze, then processes bronze into silver and gold.</summary>
    public static async Task<ProcessReport> RunAsync(DemoData data, IngestPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        foreach (var entity in Order)
            await AcceptAsync(data, pipeline, entity, null, cancellationToken).ConfigureAwait(false);
        return await pipeline.ProcessPendingAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<IWireEvent> Events(
        IEnumerable<IWireEvent> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
