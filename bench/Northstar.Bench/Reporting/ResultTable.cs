using System.Text;

namespace Northstar.Bench.Reporting;

/// <summary>The figures of one suite, one row per engine, rendered as a Markdown table.</summary>
internal sealed class ResultTable(string title, string description, IReadOnlyList<string> headers)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public void Add(IReadOnlyList<string> row)
    {
        if (row.Count != headers.Count)
        {
            throw new ArgumentException($"The {title} table has {headers.Count} columns, not {row.Count}.", nameof(row));
        }

        _rows.Add(row);
    }

    public void Render(StringBuilder markdown)
    {
        markdown.AppendLine($"## {title}").AppendLine().AppendLine(description).AppendLine();
        AppendRow(markdown, headers);
        AppendRow(markdown, [.. headers.Select(_ => "---")]);
        foreach (var row in _rows)
        {
            AppendRow(markdown, row);
        }

        markdown.AppendLine();
    }

    private static void AppendRow(StringBuilder markdown, IReadOnlyList<string> cells) =>
        markdown.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
}
