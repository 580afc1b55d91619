using System.Text.Json;

namespace Northstar.Server.Tests.Accounts;

/// <summary>Rows of app tables read straight from the app's warehouse, as column name to value.</summary>
internal static class AppTables
{
    public static async Task<List<Dictionary<string, object?>>> ReadAsync(AccountsApp app, string sql)
    {
        var warehouse = app.Service<Northstar.Warehouse.IWarehouse>();
        await using var connection = await warehouse.OpenWriteConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var column = 0; column < reader.FieldCount; column++)
                row[reader.GetName(column)] = reader.IsDBNull(column) ? null : reader.GetValue(column);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every audit entry's text (actor, target and details), for checks that no secret was written.</summary>
    public static async Task<string> AuditTextAsync(AccountsApp app) =>
        JsonSerializer.Serialize(await ReadAsync(app, "select action, actor, target_id, cast(details as text) as details from app.audit"));
}
