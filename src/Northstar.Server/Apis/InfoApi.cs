using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Northstar.Warehouse;

namespace Northstar.Server.Apis;

/// <summary><c>GET /api/info</c>: the product, its version and the engine it is connected to.</summary>
internal static class InfoApi
{
    public static IEndpointRouteBuilder MapInfoApi(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous: product, version and engine name are not private, and monitoring reads them without credentials.
        var api = endpoints.MapGroup("/api").WithTags("Info").AllowAnonymous();
        api.MapGet("/info", GetInfoAsync)
            .WithName("GetInfo")
            .WithSummary("The product, its version and the warehouse engine it is connected to")
            .WithDescription("Asks the engine for its version on every call, so an answer also shows that the engine is reachable.");
        return endpoints;
    }

    public static async Task<Ok<ServerInfo>> GetInfoAsync(IWarehouse warehouse, CancellationToken cancellationToken)
    {
        var engineVersion = await GetEngineVersionAsync(warehouse, cancellationToken);
        return TypedResults.Ok(new ServerInfo(
            "Northstar",
            ProductVersion.Current,
            new EngineInfo(EngineNames.Of(warehouse.Engine), engineVersion),
            warehouse.Dialect.ToString()));
    }

    private static async Task<string> GetEngineVersionAsync(IWarehouse warehouse, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenReadConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // PostgreSQL's version() is a paragraph (compiler, platform); server_version is the part people recognise.
        command.CommandText = warehouse.Engine == EngineKind.PostgreSql
            ? "select current_setting('server_version')"
            : "select version()";
        var version = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToString(version, CultureInfo.InvariantCulture) ?? "";
    }
}
