namespace Northstar.Warehouse;

/// <summary>
/// Writes rows into one table as fast as the engine allows, without boxing: call <see cref="StartRow"/>,
/// then one <see cref="Write{T}"/> or <see cref="WriteNull"/> per column in the order given when the load
/// began, for every row; then <see cref="CompleteAsync"/>. Disposing without completing discards the load
/// on PostgreSQL (the COPY is cancelled); on DuckDB the rows are appended inside a transaction that is rolled back.
/// </summary>
public interface IBulkLoader : IAsyncDisposable
{
    /// <summary>Begins a new row.</summary>
    void StartRow();

    /// <summary>Writes the next column of the current row.</summary>
    void Write<T>(T value);

    /// <summary>Writes NULL into the next column of the current row.</summary>
    void WriteNull();

    /// <summary>Commits the load and returns the number of rows written.</summary>
    ValueTask<long> CompleteAsync(CancellationToken cancellationToken = default);
}
