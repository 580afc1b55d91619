using Northstar.Warehouse;

namespace Northstar.Server.Accounts;

/// <summary>What the app-table SQL of accounts needs to run the same on both engines.</summary>
internal static class AppSql
{
    /// <summary>The SQL with its parameters named as the engine's provider expects: Npgsql <c>@name</c>, DuckDB <c>$name</c>.</summary>
    public static string For(IWarehouse warehouse, string sql) =>
        warehouse.Engine == EngineKind.DuckDb ? sql.Replace('@', '$') : sql;

    /// <summary>A timestamptz read by Dapper (a UTC DateTime on both providers) as an instant.</summary>
    public static DateTimeOffset Instant(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Instant(DateTime? value) => value is { } instant ? Instant(instant) : null;

    public static Role ParseRole(string name) =>
        RoleNames.TryParse(name, out var role) ? role : throw new InvalidOperationException($"The stored role '{name}' is not a role.");
}
