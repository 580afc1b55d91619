using Northstar.Ingest.Pipeline.Bronze;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Pipeline;

public sealed partial class IngestPipeline
{
    /// <summary>
    /// The bulk path for records that are typed already (the demo generator): the same validation, made on the record
    /// itself, and each payload serialized once, instead of serialized to JSON, parsed back to be validated, and
    /// written out again.
    /// </summary>
    internal Task<BulkOutcome> AcceptWireBulkAsync(
        string source, EntityKind entity, IAsyncEnumerable<IWireEvent> records, IProgress<long>? progress, CancellationToken ct) =>
        AcceptBulkAsync(source, records, (record, index) => Acceptance.CheckWire(source, entity, record, index), progress, ct);

    private async Task<BulkOutcome> AcceptBulkAsync<T>(
        string source, IAsyncEnumerable<T> events, Func<T, int, (BronzeRecord? Record, EventOutcome? Invalid)> check,
        IProgress<long>? progress, CancellationToken ct)
    {
        Acceptance.CheckSource(source);
        ArgumentNullException.ThrowIfNull(events);
        var rejected = new List<EventOutcome>();
        long valid = 0;
        var inserted = await _bronze.WriteBulkAsync(ValidRecords(), ct).ConfigureAwait(false);
        return new BulkOutcome(inserted, valid - inserted, rejected.Count, rejected);

        async IAsyncEnumerable<BronzeRecord> ValidRecords()
        {
            var index = 0;
            await foreach (var incoming in events.WithCancellation(ct).ConfigureAwait(false))
            {
                var (record, invalid) = check(incoming, index++);
                if (index % ProgressInterval == 0)
                    progress?.Report(index);
                if (record is null)
                {
                    rejected.Add(invalid!);
                    continue;
                }

                valid++;
                yield return record;
            }

            progress?.Report(index);
        }
    }
}
