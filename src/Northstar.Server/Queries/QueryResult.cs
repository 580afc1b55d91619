using Northstar.Core.Queries;

namespace Northstar.Server.Queries;

/// <summary>An answer with how it was obtained.</summary>
/// <param name="Answer">The answer.</param>
/// <param name="Query">The compiled query it answers (statements for explain, the rollup that served).</param>
/// <param name="FromCache">Whether it came from the cache (memory or Redis) rather than the engine.</param>
/// <param name="DataVersions">The data version of each subject read, at which the answer was computed.</param>
/// <param name="DataAsOf">When the newest of those subjects last changed (UTC); null when none ever changed.</param>
/// <param name="Elapsed">Time spent on the server, compiling included.</param>
internal sealed record QueryResult(
    QueryAnswer Answer,
    CompiledQuery Query,
    bool FromCache,
    IReadOnlyDictionary<string, long> DataVersions,
    DateTimeOffset? DataAsOf,
    TimeSpan Elapsed);
