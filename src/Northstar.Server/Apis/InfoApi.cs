using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Northstar.Server.Options;
using Northstar.Server.Queries;
using Northstar.Warehouse;

namespace Northstar.Server.Apis;

/// <summary><c>GET /api/info</c>: the product, its version, the engine it is connected to, and what the UI needs before
/// sign-in (the currency, the map tile URL).</summary>
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

    public static async Task<Ok<ServerInfo>> GetInfoAsync(
        IWarehouse warehouse, LoadedModel loaded, IOptions<NorthstarOptions> options, CancellationToken cancellationToken)
    {
        var engineVersion = await GetEngineVersionAsync(warehouse, cancellationToken);
        return TypedResults.Ok(new ServerInfo(
            "Northstar",
            ProductVersion.Current,
            new EngineInfo(EngineNames.Of(warehouse.Engine), engineVersion),
            warehouse.Dialect.ToString(),
            loaded.Model.Currency,
            string.IsNullOrWhiteSpace(options.Value.MapTileUrl) ? null : options.Value.MapTileUrl));
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
