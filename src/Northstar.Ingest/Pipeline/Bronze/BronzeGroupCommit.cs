using System.Threading.Channels;

namespace Northstar.Ingest.Pipeline.Bronze;

/// <summary>
/// Group commit for the webhook path: the records of concurrent accepts are written to bronze in one transaction by a
/// single writer loop, instead of one transaction (and one write-ahead-log flush) per request. Each caller is answered
/// only once the transaction holding its records has committed, so "durable before acknowledged" still holds. While a
/// group commits, the next accepts queue up and form the next group: under load groups grow by themselves, and a
/// lone request waits for no one.
/// </summary>
internal sealed class BronzeGroupCommit : IDisposable
{
    // Bounds one transaction, so a flood of large batches still commits (and answers) in steps.
    private const int MaxRecordsPerGroup = 5_000;

    private readonly Func<IReadOnlyList<BronzeRecord>, CancellationToken, Task<bool[]>> _write;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <param name="write">Writes records with unique idempotency keys in one transaction; for each, whether it was new.</param>
    public BronzeGroupCommit(Func<IReadOnlyList<BronzeRecord>, CancellationToken, Task<bool[]>> write)
    {
        _write = write;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Writes the records with the next group; for each, whether it was new (false: its idempotency key was already in
    /// bronze, or came earlier in the same group). Completes once they are committed. Cancellation only withdraws
    /// records whose group has not started yet.
    /// </summary>
    public Task<bool[]> WriteAsync(IReadOnlyList<BronzeRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
            return Task.FromResult(Array.Empty<bool>());
        var write = new PendingWrite(records, ct);
        if (!_queue.Writer.TryWrite(write))
            throw new ObjectDisposedException(nameof(BronzeGroupCommit), "The ingest pipeline is shutting down; nothing was written.");
        return write.Completion.Task;
    }

    /// <summary>Stops taking writes, and waits for those already queued to be committed.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunAsync()
    {
        var group = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var records = 0;
            while (records < MaxRecordsPerGroup && _queue.Reader.TryRead(out var write))
            {
                if (write.Cancellation.IsCancellationRequested)
                {
                    write.Completion.TrySetCanceled(write.Cancellation);
                    continue;
                }

                group.Add(write);
                records += write.Records.Count;
            }

            if (group.Count > 0)
                await CommitAsync(group).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        try
        {
            Complete(group, await WriteGroupAsync(group).ConfigureAwait(false));
        }
        catch (Exception) when (group.Count > 1)
        {
            // Nothing of the group was committed. Retried one write at a time, so that what failed it (a payload
            // the engine refuses, say) fails its own request only.
            foreach (var write in group)
                await CommitAsync([write]).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            group[0].Completion.TrySetException(exception);
        }
    }

    /// <summary>Writes every distinct idempotency key of the group once; for each write, whether each record was new.</summary>
    private async Task<bool[][]> WriteGroupAsync(List<PendingWrite> group)
    {
        // A key met again in the same group is a duplicate of the first, which is the only one written.
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<BronzeRecord>();
        var slots = new int[group.Count][];
        for (var w = 0; w < group.Count; w++)
        {
            var records = group[w].Records;
            slots[w] = new int[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                if (first.TryAdd(records[i].IdempotencyKey, unique.Count))
                {
                    slots[w][i] = unique.Count;
                    unique.Add(records[i]);
                }
                else
                {
                    slots[w][i] = -1;
                }
            }
        }

        // Once a group is under way it commits whatever its callers do: a cancelled request is simply not answered.
        var inserted = await _write(unique, CancellationToken.None).ConfigureAwait(false);
        var outcomes = new bool[group.Count][];
        for (var w = 0; w < group.Count; w++)
            outcomes[w] = Array.ConvertAll(slots[w], slot => slot >= 0 && inserted[slot]);
        return outcomes;
    }

    private static void Complete(List<PendingWrite> group, bool[][] outcomes)
    {
        for (var w = 0; w < group.Count; w++)
            group[w].Completion.TrySetResult(outcomes[w]);
    }

    private sealed record PendingWrite(IReadOnlyList<BronzeRecord> Records, CancellationToken Cancellation)
    {
        // Continuations run elsewhere, so that answering a request never holds up the writer loop.
        public TaskCompletionSource<bool[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
