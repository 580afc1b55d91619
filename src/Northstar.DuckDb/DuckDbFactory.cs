using System.Data.Common;

namespace Northstar.DuckDb;

/// <summary>The provider factory, for code that creates ADO.NET objects without naming the provider.</summary>
public sealed class DuckDbFactory : DbProviderFactory
{
    /// <summary>The single instance.</summary>
    public static readonly DuckDbFactory Instance = new();

    private DuckDbFactory()
    {
    }

    /// <inheritdoc />
    public override bool CanCreateDataSourceEnumerator => false;

    /// <inheritdoc />
    public override DbCommand CreateCommand() => new DuckDbCommand();

    /// <inheritdoc />
    public override DbConnection CreateConnection() => new DuckDbConnection();

    /// <inheritdoc />
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new DuckDbConnectionStringBuilder();

    /// <inheritdoc />
    public override DbParameter CreateParameter() => new DuckDbParameter();

    /// <inheritdoc />
    public override DbDataSource CreateDataSource(string connectionString) => DuckDbDataSource.Create(connectionString);
}
