using Northstar.Core.Queries;
using Northstar.Server.Queries;

namespace Northstar.Server.Exports;

/// <summary>
/// Answers an export's spec on the one query path (compiler, scope, cache) and writes the answer as CSV. The
/// <see cref="QueryService"/> given is the query path with room for <see cref="MaxRows"/> + 1 rows, so an answer that
/// has more than <see cref="MaxRows"/> is seen as such and refused rather than cut short.
/// </summary>
internal sealed class CsvExporter(QueryService queries, int maxRows)
{
    /// <summary>The most rows an export may have (<see cref="ExportOptions.MaxRows"/>).</summary>
    public int MaxRows => maxRows;

    /// <summary>The CSV of <paramref name="spec"/>'s answer for a caller who may see <paramref name="scope"/>.</summary>
    /// <exception cref="QueryValidationException">The spec is invalid; errors name the field.</exception>
    /// <exception cref="Warehouse.Queries.QueryTimeoutException">A statement ran past the statement timeout.</exception>
    public async Task<CsvExport> ExportAsync(QuerySpec spec, QueryScope scope, CancellationToken cancellationToken)
    {
        var result = await queries.AnswerAsync(spec, scope, cancellationToken);
        var rows = result.Answer.Rows.Count;
        return rows > maxRows
            ? new CsvExport(null, rows, result.Query)
            : new CsvExport(CsvAnswer.Write(result.Answer), rows, result.Query);
    }
}

/// <summary>An export's outcome.</summary>
/// <param name="Csv">The file's text; null when the answer has more rows than an export may.</param>
/// <param name="Rows">The rows written (data rows, without the header).</param>
/// <param name="Query">The compiled query: the range the file covers and the subjects it read.</param>
internal sealed record CsvExport(string? Csv, int Rows, CompiledQuery Query);
