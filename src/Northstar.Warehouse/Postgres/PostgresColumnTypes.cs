using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Northstar.Warehouse.Postgres;

/// <summary>One column's type, as binary COPY needs it: an <see cref="NpgsqlDbType"/> when there is one, else the type's name.</summary>
internal readonly record struct PostgresColumnType(string Column, NpgsqlDbType? DbType, string DataTypeName);

/// <summary>The column types of tables, read from the catalog once per table and kept until the schema changes.</summary>
internal sealed class PostgresColumnTypes
{
    private const string CatalogSql = """
        select a.attname, t.typname, tn.nspname
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on c.oid = a.attrelid
        join pg_catalog.pg_namespace cn on cn.oid = c.relnamespace
        join pg_catalog.pg_type t on t.oid = a.atttypid
        join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
        where cn.nspname = $1 and c.relname = $2 and a.attnum > 0 and not a.attisdropped
        """;

    private readonly ConcurrentDictionary<QualifiedTableName, Dictionary<string, PostgresColumnType>> _tables = new();

    /// <summary>Forgets what was read, after a migration may have changed tables.</summary>
    public void Clear() => _tables.Clear();

    /// <summary>The types of <paramref name="columns"/> of <paramref name="table"/>, in the order given.</summary>
    public async Task<PostgresColumnType[]> GetAsync(
        NpgsqlConnection connection, QualifiedTableName table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        if (!_tables.TryGetValue(table, out var types))
        {
            types = await ReadAsync(connection, table, cancellationToken).ConfigureAwait(false);
            _tables[table] = types;
        }

        var result = new PostgresColumnType[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            result[i] = types.TryGetValue(columns[i], out var type)
                ? type
                : throw new ArgumentException($"Table {table} has no column {columns[i]}.", nameof(columns));
        }

        return result;
    }

    private static async Task<Dictionary<string, PostgresColumnType>> ReadAsync(
        NpgsqlConnection connection, QualifiedTableName table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CatalogSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table.Table });
        var types = new Dictionary<string, PostgresColumnType>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var column = reader.GetString(0);
                var typeName = reader.GetString(1);
                types[column] = new PostgresColumnType(column, DbTypeOf(typeName), $"{reader.GetString(2)}.{typeName}");
            }
        }

        return types.Count > 0 ? types : throw new ArgumentException($"Table {table} does not exist.", nameof(table));
    }

    private static NpgsqlDbType? DbTypeOf(string typeName) => typeName switch
    {
        "bool" => NpgsqlDbType.Boolean,
        "int2" => NpgsqlDbType.Smallint,
        "int4" => NpgsqlDbType.Integer,
        "int8" => NpgsqlDbType.Bigint,
        "float4" => NpgsqlDbType.Real,
        "float8" => NpgsqlDbType.Double,
        "numeric" => NpgsqlDbType.Numeric,
        "text" => NpgsqlDbType.Text,
        "varchar" => NpgsqlDbType.Varchar,
        "bpchar" => NpgsqlDbType.Char,
        "date" => NpgsqlDbType.Date,
        "time" => NpgsqlDbType.Time,
        "timestamp" => NpgsqlDbType.Timestamp,
        "timestamptz" => NpgsqlDbType.TimestampTz,
        "interval" => NpgsqlDbType.Interval,
        "uuid" => NpgsqlDbType.Uuid,
        "json" => NpgsqlDbType.Json,
        "jsonb" => NpgsqlDbType.Jsonb,
        "bytea" => NpgsqlDbType.Bytea,
        _ => null,
    };
}
