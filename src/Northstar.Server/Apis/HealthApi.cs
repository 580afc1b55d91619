using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Warehouse;

namespace Northstar.Server.Apis;

/// <summary>Probes for load balancers and orchestrators: <c>/healthz</c> (liveness) and <c>/readyz</c> (readiness).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        // Load balancers and orchestrators probe without credentials.
        var probes = endpoints.MapGroup("").WithTags("Health").AllowAnonymous();
        probes.MapGet("/healthz", GetLiveness)
            .WithName("GetLiveness")
            .WithSummary("The process is alive")
            .WithDescription("Answers without touching the warehouse: restart the process only when this fails.");
        probes.MapGet("/readyz", GetReadinessAsync)
            .WithName("GetReadiness")
            .WithSummary("The server can serve: warehouse reachable and migrated (503 otherwise)")
            .WithDescription("A replica that is down or lagging does not make the server unready: reads fall back to the primary.");
        return endpoints;
    }

    public static Ok<Liveness> GetLiveness() => TypedResults.Ok(new Liveness("alive"));

    public static async Task<Results<Ok<ReadinessReport>, JsonHttpResult<ReadinessReport>>> GetReadinessAsync(
        IWarehouse warehouse, CancellationToken cancellationToken)
    {
        var status = await warehouse.CheckAsync(cancellationToken);
        var report = new ReadinessReport(
            status.Ready ? "ready" : "unready",
            EngineNames.Of(status.Engine),
            status.Reachable,
            new MigrationsReport(status.MigrationsApplied, status.PendingMigrations),
            [.. status.Replicas.Select(replica =>
                new ReplicaReport(replica.Name, replica.Reachable, replica.Lag?.TotalSeconds, replica.InUse))],
            status.Error);
        return status.Ready
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The body of <c>GET /healthz</c>.</summary>
/// <param name="Status">Always <c>alive</c>.</param>
public sealed record Liveness(string Status);
