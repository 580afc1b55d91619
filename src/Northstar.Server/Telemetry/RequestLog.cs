using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Northstar.Server.Telemetry;

/// <summary>
/// The requests recorded since the last write: a bounded in-memory queue that never blocks a request. When it is full
/// the request is not recorded and counted in <see cref="Dropped"/> instead.
/// </summary>
internal sealed class RequestLog(IOptions<TelemetryOptions> options)
{
    private readonly Channel<RequestRecord> _queue = Channel.CreateBounded<RequestRecord>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    /// <summary>Requests not recorded because the queue was full, since the server started.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues <paramref name="record"/>; false (and counted as dropped) when the queue is full.</summary>
    public bool TryAdd(RequestRecord record)
    {
        // TryWrite of a bounded channel in Wait mode fails at once when full; it never waits.
        if (_queue.Writer.TryWrite(record))
            return true;
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Takes up to <paramref name="max"/> queued requests, oldest first.</summary>
    public List<RequestRecord> Take(int max)
    {
        var batch = new List<RequestRecord>(Math.Min(max, _queue.Reader.Count));
        while (batch.Count < max && _queue.Reader.TryRead(out var record))
            batch.Add(record);
        return batch;
    }
}
