using Northstar.Ingest.Files;

namespace Northstar.Server.Ingest;

/// <summary>The answer to <c>POST /api/ingest/files/{entity}</c> when the file was imported.</summary>
/// <param name="Entity">The entity's wire name.</param>
/// <param name="FileName">The file's name, as given.</param>
/// <param name="Rows">Data rows read (CSV rows without the header, or JSON lines).</param>
/// <param name="Accepted">Records written to bronze by this import.</param>
/// <param name="Duplicates">Records already imported (by this file before, or another); nothing written for them.</param>
/// <param name="Skipped">Bad rows left out (onError=skip).</param>
/// <param name="Issues">The bad rows, the first <see cref="FileImportIssues.MaxListed"/>.</param>
/// <param name="IssueCount">How many issues were found in all.</param>
/// <param name="IgnoredColumns">Header columns bound to no field (a typo in a header lands here).</param>
/// <param name="Processed">Records applied to silver and gold by the processing run that followed.</param>
public sealed record FileImportResponse(
    string Entity,
    string FileName,
    long Rows,
    long Accepted,
    long Duplicates,
    long Skipped,
    IReadOnlyList<FileImportIssueResponse> Issues,
    long IssueCount,
    IReadOnlyList<string> IgnoredColumns,
    long Processed);

/// <summary>One bad row of an uploaded file.</summary>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Column">The CSV column or JSON path at fault; null when the whole row is.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record FileImportIssueResponse(long Line, string? Column, string Reason);

/// <summary>The bad-row list of an upload's answer.</summary>
internal static class FileImportIssues
{
    /// <summary>The most issues an answer lists; the count covers the rest.</summary>
    public const int MaxListed = 100;

    public static IReadOnlyList<FileImportIssueResponse> Of(FileImportResult result) =>
        [.. result.Issues.Take(MaxListed).Select(issue => new FileImportIssueResponse(issue.Line, issue.Column, issue.Reason))];
}
