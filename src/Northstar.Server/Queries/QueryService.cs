using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Northstar.Core.Compiling;
using Northstar.Core.Queries;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Queries;

/// <summary>
/// The one path from a query spec to an answer: compile against the model with the caller's scope, look the answer up
/// by the data versions of the subjects it reads, and on a miss run its statements on the engine (concurrently), once
/// however many callers ask at the same time, then assemble and cache it.
/// </summary>
internal sealed class QueryService(
    LoadedModel model,
    IWarehouse warehouse,
    QueryRunner runner,
    DataVersions versions,
    AnswerCache cache,
    TimeProvider time,
    IOptions<QueryOptions> options)
{
    private readonly SingleFlight<QueryAnswer> _flights = new();
    private long _executions;

    /// <summary>How many answers were computed on the engine since start (cache misses that ran), for tests and metrics.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>Today in the company's time zone: the range presets are relative to it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), model.CompanyTimeZone).DateTime);

    /// <summary>Validates and compiles <paramref name="spec"/> for <paramref name="scope"/>.</summary>
    /// <exception cref="QueryValidationException">The spec is invalid; errors name the field.</exception>
    public CompiledQuery Compile(QuerySpec spec, QueryScope scope) =>
        QueryCompiler.Compile(model.Model, spec, scope,
            new CompileContext(warehouse.Dialect, Today, options.Value.MaxRows) { UseRollups = options.Value.UseRollups });

    /// <summary>Answers <paramref name="spec"/> for a caller who may see <paramref name="scope"/>.</summary>
    /// <exception cref="QueryValidationException">The spec is invalid; errors name the field.</exception>
    /// <exception cref="QueryTimeoutException">A statement ran past the statement timeout.</exception>
    public async Task<QueryResult> AnswerAsync(QuerySpec spec, QueryScope scope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var query = Compile(spec, scope);
        return await AnswerAsync(query, started, cancellationToken);
    }

    /// <summary>Answers a compiled query (from <see cref="Compile"/>); <paramref name="started"/> is a Stopwatch timestamp.</summary>
    public async Task<QueryResult> AnswerAsync(CompiledQuery query, long started, CancellationToken cancellationToken)
    {
        var current = await versions.ReadAsync(query.Subjects, cancellationToken);
        var read = current.Versions.ToDictionary(pair => pair.Key, pair => pair.Value.Version, StringComparer.Ordinal);
        var asOf = DataAsOf(current.Versions.Values);
        var key = CacheKey(query, current.Versions);

        var cached = await cache.GetAsync(key);
        if (cached is not null)
            return new QueryResult(cached, query, true, read, asOf, Stopwatch.GetElapsedTime(started));

        // The shared computation is not tied to the first caller's cancellation (others may be waiting on it); the
        // statement timeout bounds it. Each caller stops waiting when its own request is cancelled.
        var answer = await _flights.RunAsync(key, () => ComputeAsync(query, key, current.Needed))
            .WaitAsync(cancellationToken);
        return new QueryResult(answer, query, false, read, asOf, Stopwatch.GetElapsedTime(started));
    }

    private static DateTimeOffset? DataAsOf(IEnumerable<DataVersion> versions)
    {
        var newest = versions.Select(version => version.ChangedAtTicks).DefaultIfEmpty(0).Max();
        return newest == 0 ? null : new DateTimeOffset(newest, TimeSpan.Zero);
    }

    // seen: the write position holding the data versions of the key, which every statement's connection must have.
    private async Task<QueryAnswer> ComputeAsync(CompiledQuery query, string key, WritePosition? seen)
    {
        Interlocked.Increment(ref _executions);
        var answer = await runner.AnswerAsync(query, seen, CancellationToken.None);
        await cache.SetAsync(key, answer);
        return answer;
    }

    /// <summary>The model, the normalized question (resolved range and scope included), and each subject's data version.</summary>
    private string CacheKey(CompiledQuery query, IReadOnlyDictionary<string, DataVersion> read)
    {
        var key = new StringBuilder(model.Fingerprint).Append('|').Append(query.NormalizedKey).Append("|versions=");
        foreach (var (subject, version) in read.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            key.Append(subject).Append(':').Append(version.Version.ToString(CultureInfo.InvariantCulture))
                .Append('@').Append(version.ChangedAtTicks.ToString(CultureInfo.InvariantCulture)).Append(',');
        }

        return key.ToString();
    }
}
