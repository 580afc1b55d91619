namespace Northstar.Server.Queries;

/// <summary>
/// A cache of encoded answers shared by every node (Redis). Implementations never throw for an unreachable store: a
/// miss and a dropped write are the answers then, so queries keep coming from the engine.
/// </summary>
internal interface ISharedAnswerStore
{
    /// <summary>The value stored under <paramref name="key"/>, or null when absent or the store is unreachable.</summary>
    Task<byte[]?> GetAsync(string key);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for at most <paramref name="lifetime"/>; best effort.</summary>
    Task SetAsync(string key, byte[] value, TimeSpan lifetime);
}
