using System.Threading.Channels;

namespace Northstar.Server.Ingest;

/// <summary>
/// Tells the <see cref="IngestProcessor"/> that bronze holds new events. Signals coalesce: however many arrive while
/// a run is under way, they make one more run, which picks up everything pending by then.
/// </summary>
internal sealed class ProcessingSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Asks for a run; never blocks.</summary>
    public void Raise() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until a run has been asked for since the last wait, and consumes the request.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken) =>
        await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
