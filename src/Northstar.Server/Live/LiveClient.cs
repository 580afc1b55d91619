using System.Threading.Channels;
using Northstar.Server.Accounts;

namespace Northstar.Server.Live;

/// <summary>
/// One open connection that receives updates: a hub connection (updates reach it through its SignalR groups) or an
/// event stream (updates are written to its channel). Holds who it is and how to close it.
/// </summary>
internal sealed class LiveClient
{
    private readonly Action _close;

    public LiveClient(string id, Caller caller, LiveCredential credential, Action close, Channel<LiveUpdateMessage>? stream = null)
    {
        Id = id;
        Caller = caller;
        Credential = credential;
        _close = close;
        Stream = stream;
    }

    /// <summary>The hub connection id, or the event stream's own id.</summary>
    public string Id { get; }

    /// <summary>The caller as of the last check; its scope is the scope of every subscription it holds.</summary>
    public Caller Caller { get; }

    public LiveCredential Credential { get; }

    /// <summary>The updates of an event stream; null for a hub connection.</summary>
    public Channel<LiveUpdateMessage>? Stream { get; }

    /// <summary>The keys of the subscriptions it holds; guarded by the registry's lock.</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Ends the connection (or the stream); it receives nothing more.</summary>
    public void Close()
    {
        Stream?.Writer.TryComplete();
        _close();
    }
}
