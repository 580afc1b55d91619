using Northstar.Core.Queries;

namespace Northstar.Server.Exports;

/// <summary>The body of <c>POST /api/export/csv</c>.</summary>
/// <param name="Spec">The query spec whose answer is exported (as <c>POST /api/query</c> takes it).</param>
/// <param name="Name">The first part of the file's name (<c>sales</c> gives <c>sales-2026-01-01-2026-01-31.csv</c>);
/// characters other than letters, digits, - and _ become -; <c>export</c> when missing.</param>
public sealed record CsvExportRequest(QuerySpec? Spec, string? Name);
