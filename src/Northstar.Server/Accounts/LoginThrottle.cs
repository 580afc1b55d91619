using System.Collections.Concurrent;

namespace Northstar.Server.Accounts;

/// <summary>
/// Failed sign-ins in the last 15 minutes, per account (5 allowed) and per client address (20 allowed), in memory: a
/// guard against password guessing on one node (each node of several keeps its own count). Time comes from the
/// registered <see cref="TimeProvider"/>, so tests move it instead of waiting.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int AccountLimit = 5;
    public const int AddressLimit = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Beyond this many tracked keys, keys without a recent failure are dropped, so a spray of names cannot grow memory.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long until a sign-in for this account from this address is allowed again; null when it is allowed now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        var waits = new[] { Wait(AccountKey(account), AccountLimit, now), Wait(AddressKey(address), AddressLimit, now) };
        return waits.Max();
    }

    public void RecordFailure(string account, string address)
    {
        var now = time.GetUtcNow();
        Record(AccountKey(account), now);
        Record(AddressKey(address), now);
        if (_failures.Count > PruneAbove)
            Prune(now);
    }

    /// <summary>A successful sign-in forgets the account's failures (not the address's).</summary>
    public void RecordSuccess(string account) => _failures.TryRemove(AccountKey(account), out _);

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
            return null;
        lock (failures)
        {
            Expire(failures, now);
            // Allowed again when enough of the oldest failures have left the window.
            return failures.Count < limit ? null : failures.ElementAt(failures.Count - limit) + Window - now;
        }
    }

    private void Record(string key, DateTimeOffset now)
    {
        var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Expire(failures, now);
                if (failures.Count == 0)
                    _failures.TryRemove(key, out _);
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
            failures.Dequeue();
    }

    private static string AccountKey(string account) => "a:" + account;

    private static string AddressKey(string address) => "i:" + address;
}
