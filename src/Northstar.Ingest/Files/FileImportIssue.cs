namespace Northstar.Ingest.Files;

/// <summary>One bad row of an import file: where it is and why it cannot be imported.</summary>
/// <param name="File">The file's name (without its folder).</param>
/// <param name="Line">The 1-based line of the file where the row starts.</param>
/// <param name="Column">The file's column (CSV) or the JSON path (JSON lines) at fault; null when the whole row is.</param>
/// <param name="Reason">A sentence saying what is wrong.</param>
public sealed record FileImportIssue(string File, long Line, string? Column, string Reason)
{
    /// <summary>The issue as one report line: <c>orders.csv:12: column 'Total': '12,x' is not a number</c>.</summary>
    public override string ToString() => Column is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: column '{Column}': {Reason}";
}
