using System.Collections.Concurrent;

namespace Northstar.Server.Queries;

/// <summary>
/// Runs one computation per key at a time: callers asking for a key whose computation is under way share its result
/// (or its exception) instead of starting another.
/// </summary>
internal sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _running = new(StringComparer.Ordinal);

    /// <summary>The result of <paramref name="compute"/> for <paramref name="key"/>, started now or already running.</summary>
    public async Task<T> RunAsync(string key, Func<Task<T>> compute)
    {
        var flight = new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
        var shared = _running.GetOrAdd(key, flight);
        try
        {
            return await shared.Value;
        }
        finally
        {
            // Only the flight that is done leaves; a newer one under the same key stays.
            _running.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(key, shared));
        }
    }
}
