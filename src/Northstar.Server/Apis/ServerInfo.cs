namespace Northstar.Server.Apis;

/// <summary>What this server is and which engine holds its warehouse.</summary>
/// <param name="Product">Always "Northstar".</param>
/// <param name="Version">The server's informational version.</param>
/// <param name="Engine">The warehouse engine.</param>
/// <param name="Dialect">The SQL dialect queries are compiled to: <c>DuckDb</c> or <c>PostgreSql</c>.</param>
/// <param name="Currency">The company's currency (ISO 4217), for amounts of the <c>currency</c> format.</param>
/// <param name="MapTileUrl">The raster tile URL template of the branch map (setting <c>Northstar:MapTileUrl</c>); null:
/// only the outline shipped with the app.</param>
public sealed record ServerInfo(string Product, string Version, EngineInfo Engine, string Dialect, string Currency, string? MapTileUrl);

/// <summary>A warehouse engine.</summary>
/// <param name="Name">"DuckDB" or "PostgreSQL".</param>
/// <param name="Version">The version the engine reports about itself.</param>
public sealed record EngineInfo(string Name, string Version);
