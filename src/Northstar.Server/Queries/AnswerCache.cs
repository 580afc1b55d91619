using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Northstar.Core.Queries;

namespace Northstar.Server.Queries;

/// <summary>
/// Answers by cache key: in memory first (size-bounded), then in the shared store (Redis) when one is configured. Keys
/// carry the data versions the answer was computed at, so an answer is never found after its data changed; the
/// lifetime is only a memory bound.
/// </summary>
internal sealed class AnswerCache : IDisposable
{
    private const string SharedPrefix = "northstar:answer:";

    private readonly MemoryCache _memory;
    private readonly ISharedAnswerStore? _shared;
    private readonly TimeSpan _lifetime;

    public AnswerCache(IOptions<QueryOptions> options, ISharedAnswerStore? shared = null)
    {
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheSizeMegabytes * 1024L * 1024L });
        _shared = shared;
        _lifetime = TimeSpan.FromMinutes(options.Value.CacheMinutes);
    }

    /// <summary>The answer cached under <paramref name="key"/>, or null.</summary>
    public async Task<QueryAnswer?> GetAsync(string key)
    {
        if (_memory.TryGetValue(key, out QueryAnswer? answer))
            return answer;
        if (_shared is null || await _shared.GetAsync(SharedKey(key)) is not { } bytes)
            return null;
        try
        {
            answer = AnswerCodec.Decode(bytes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Written by another version of the server: recompute rather than fail.
            return null;
        }

        Remember(key, answer, bytes.Length);
        return answer;
    }

    /// <summary>Caches <paramref name="answer"/> under <paramref name="key"/>, in memory and in the shared store.</summary>
    public async Task SetAsync(string key, QueryAnswer answer)
    {
        if (_shared is null)
        {
            Remember(key, answer, EstimateSize(answer));
            return;
        }

        var bytes = AnswerCodec.Encode(answer);
        Remember(key, answer, bytes.Length);
        await _shared.SetAsync(SharedKey(key), bytes, _lifetime);
    }

    public void Dispose() => _memory.Dispose();

    private void Remember(string key, QueryAnswer answer, long size) =>
        _memory.Set(key, answer, new MemoryCacheEntryOptions { Size = size + key.Length * 2L, SlidingExpiration = _lifetime });

    /// <summary>Roughly the bytes an answer holds in memory: its values and their boxes.</summary>
    private static long EstimateSize(QueryAnswer answer) =>
        256 + (answer.Rows.Count + 1L) * (answer.Columns.Count * 32L + 32) * (answer.Comparison is null ? 1 : 3);

    /// <summary>Redis keys are hashes: cache keys are long, and may hold filter values.</summary>
    private static string SharedKey(string key) => SharedPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
