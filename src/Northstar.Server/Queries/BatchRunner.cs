using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Northstar.Core.Queries;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;
using Northstar.Server.Apis;

namespace Northstar.Server.Queries;

/// <summary>
/// Runs the queries of a batch: compiled first (an invalid one is answered at once), identical ones (same normalized
/// key) run once, distinct ones concurrently up to <see cref="QueryOptions.BatchParallelism"/>; each line is yielded
/// as soon as its query is answered, and a failing query fails only its own lines.
/// </summary>
internal sealed partial class BatchRunner(QueryService service, IWarehouse warehouse, IOptions<QueryOptions> options, ILogger<BatchRunner> logger)
{
    /// <summary>The most queries one batch may hold.</summary>
    public const int MaxQueries = 50;

    public async IAsyncEnumerable<BatchLine> RunAsync(
        IReadOnlyList<BatchQuery> queries, QueryScope scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var engine = EngineNames.Of(warehouse.Engine);
        var groups = new Dictionary<string, (CompiledQuery Query, List<string> Ids)>(StringComparer.Ordinal);
        var invalid = new List<BatchLine>();
        foreach (var item in queries)
        {
            CompiledQuery query;
            try
            {
                query = service.Compile(item.Spec ?? new QuerySpec(), scope);
            }
            catch (QueryValidationException problem)
            {
                invalid.Add(new BatchLine(item.Id!, null, QueryProblems.Invalid(problem)));
                continue;
            }

            if (groups.TryGetValue(query.NormalizedKey, out var group))
                group.Ids.Add(item.Id!);
            else
                groups[query.NormalizedKey] = (query, [item.Id!]);
        }

        foreach (var line in invalid)
            yield return line;

        var lines = Channel.CreateUnbounded<BatchLine>(new UnboundedChannelOptions { SingleReader = true });
        using var gate = new SemaphoreSlim(options.Value.BatchParallelism);
        var running = Task.WhenAll(groups.Values.Select(group => AnswerAsync(group.Query, group.Ids)))
            .ContinueWith(_ => lines.Writer.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(cancellationToken))
                yield return line;
        }
        finally
        {
            // Also when the client goes away: the queries still queued give up on the cancelled token, and the gate
            // is disposed only once none uses it.
            await running;
        }

        async Task AnswerAsync(CompiledQuery query, List<string> ids)
        {
            try
            {
                await gate.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var result = await service.AnswerAsync(query, started, cancellationToken);
                var answer = QueryResponse.From(result, engine, explain: false);
                foreach (var id in ids)
                    lines.Writer.TryWrite(new BatchLine(id, answer, null));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var problem = e is QueryTimeoutException timeout ? QueryProblems.TimedOut(timeout) : QueryProblems.Failed();
                if (e is not QueryTimeoutException)
                    LogFailed(logger, e);
                foreach (var id in ids)
                    lines.Writer.TryWrite(new BatchLine(id, null, problem));
            }
            finally
            {
                gate.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A query of a batch failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
