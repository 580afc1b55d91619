using Northstar.Warehouse;

namespace Northstar.Server.Options;

/// <summary>
/// The server's settings, bound from the <c>Northstar</c> configuration section: appsettings.json, then
/// environment variables (<c>Northstar__Database__Engine=postgres</c>), then command-line arguments
/// (<c>--Northstar:Database:Engine=postgres</c>).
/// </summary>
public sealed class NorthstarOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar";

    /// <summary>
    /// The warehouse (<c>Northstar:Database</c>): embedded DuckDB by default, in the folder <c>data/</c> relative
    /// to the current directory, or PostgreSQL with optional read replicas.
    /// </summary>
    public WarehouseOptions Database { get; set; } = new();

    /// <summary>
    /// Redis, as <c>host:port[,option=value...]</c> (e.g. <c>localhost:6379,abortConnect=false</c>); optional,
    /// for the shared cache and live updates when several nodes run.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// A raster map tile URL template (<c>https://tiles.example.com/{z}/{x}/{y}.png</c>) for the dashboards' branch map,
    /// for those who run a tile server; optional. Without it the map shows the outline shipped with the app, and the
    /// browser asks no other host for anything.
    /// </summary>
    public string? MapTileUrl { get; set; }
}
