using System.Data.Common;
using Northstar.Core;

namespace Northstar.Warehouse;

/// <summary>
/// The warehouse, whichever engine holds it. Everything that reads or writes warehouse data goes through
/// this: analytic reads (routed to a read replica when one is healthy), writes and app metadata (always the
/// primary), bulk loads, migrations and the readiness check.
/// </summary>
public interface IWarehouse : IAsyncDisposable
{
    /// <summary>The engine behind this warehouse.</summary>
    EngineKind Engine { get; }

    /// <summary>The SQL dialect the compiler must render for this engine.</summary>
    SqlDialect Dialect { get; }

    /// <summary>
    /// Opens a connection for analytic reads. On PostgreSQL with replicas configured this is a healthy replica
    /// whose lag is within the configured bound, else the primary; the caller never sees a replica failure.
    /// </summary>
    ValueTask<DbConnection> OpenReadConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a connection for analytic reads that sees every write committed up to <paramref name="seen"/>: a replica
    /// (as above) that has replayed at least that far, else the primary. Null asks for no particular position.
    /// </summary>
    ValueTask<DbConnection> OpenReadConnectionAsync(WritePosition? seen, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the data version of every subject (<c>app.data_versions</c>, bumped by each ingest batch in the
    /// transaction that changed the subject's data) from the primary, with the primary's write position at that
    /// moment (null on an engine without replicas), in one round trip.
    /// </summary>
    Task<DataVersionSnapshot> ReadDataVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a connection to the primary, for writes and app metadata.</summary>
    ValueTask<DbConnection> OpenWriteConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a bulk load into <paramref name="table"/> (schema-qualified, e.g. <c>gold.fact_sales</c>) for the
    /// given columns, in order: binary COPY on PostgreSQL, the appender on DuckDB.
    /// </summary>
    ValueTask<IBulkLoader> BeginBulkLoadAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the pending migrations of this engine, each exactly once, under a lock that makes concurrent
    /// callers (several nodes starting together) wait rather than race.
    /// </summary>
    Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks the engine for readiness: reachable, migrations applied, replica health and lag.</summary>
    Task<WarehouseStatus> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>The engines a warehouse can run on.</summary>
public enum EngineKind
{
    /// <summary>Embedded DuckDB, one file under the data folder.</summary>
    DuckDb,

    /// <summary>PostgreSQL primary with optional read replicas.</summary>
    PostgreSql,
}
