using System.Data.Common;
using Northstar.DuckDb.Internal;

namespace Northstar.DuckDb;

/// <summary>
/// A DuckDB database opened once (with the configuration options of its connection string) and shared by every
/// connection it gives out; thread-safe. Disposing it lets go of the database: connections still open keep the native
/// database alive until they close, but fail with <see cref="ObjectDisposedException"/> on any further use.
/// </summary>
public sealed class DuckDbDataSource : DbDataSource
{
    private readonly string _connectionString;
    private readonly DatabaseReference _database;
    private readonly Lock _gate = new();
    private bool _disposed;

    private DuckDbDataSource(string connectionString, DatabaseReference database)
    {
        _connectionString = connectionString;
        _database = database;
    }

    /// <inheritdoc />
    public override string ConnectionString => _connectionString;

    internal bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>Opens the database named by <paramref name="connectionString"/> (see <see cref="DuckDbConnectionStringBuilder"/>).</summary>
    /// <exception cref="DuckDbException">The database cannot be opened or a configuration option is invalid.</exception>
    public static DuckDbDataSource Create(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return new DuckDbDataSource(connectionString, DatabaseRegistry.Acquire(new DuckDbConnectionStringBuilder(connectionString)));
    }

    /// <summary>A new, closed connection to the database.</summary>
    public new DuckDbConnection CreateConnection() => new(this);

    /// <summary>A new, open connection to the database.</summary>
    public new DuckDbConnection OpenConnection()
    {
        var connection = CreateConnection();
        connection.Open();
        return connection;
    }

    /// <summary>A new, open connection to the database.</summary>
    public new ValueTask<DuckDbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(OpenConnection());
    }

    /// <summary>Adds a connection as an owner of the database.</summary>
    internal DatabaseReference AcquireDatabase()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            DatabaseRegistry.AddOwner(_database);
            return _database;
        }
    }

    /// <inheritdoc />
    protected override DbConnection CreateDbConnection() => CreateConnection();

    /// <inheritdoc />
    protected override DbConnection OpenDbConnection() => OpenConnection();

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default) =>
        await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        DatabaseRegistry.Release(_database);
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Dispose(true);
        return ValueTask.CompletedTask;
    }
}
