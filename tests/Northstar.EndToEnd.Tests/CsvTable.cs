using System.Globalization;
using System.Text;

namespace Northstar.EndToEnd.Tests;

/// <summary>A downloaded CSV file read back (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows) => (Header, Rows) = (header, rows);

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>The sum of a numeric column (numbers are written with the invariant culture, unquoted).</summary>
    public decimal Sum(string column)
    {
        var index = Header.ToList().IndexOf(column);
        Assert.True(index >= 0, $"The CSV has no column {column}: {string.Join(", ", Header)}");
        return Rows.Sum(row => row[index].Length == 0 ? 0m : decimal.Parse(row[index], NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    public static CsvTable Read(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
                (record, field) = (Add(record, field), new StringBuilder());
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                records.Add(Add(record, field));
                (record, field) = ([], new StringBuilder());
            }
            else
                field.Append(c);
        }

        if (field.Length > 0 || record.Count > 0)
            records.Add(Add(record, field));
        // A byte order mark is not part of the first column's name.
        if (records.Count > 0 && records[0].Count > 0)
            records[0][0] = records[0][0].TrimStart('\uFEFF');
        Assert.NotEmpty(records);
        return new CsvTable(records[0], records.Skip(1).ToList<IReadOnlyList<string>>());

        static List<string> Add(List<string> record, StringBuilder field)
        {
            record.Add(field.ToString());
            return record;
        }
    }
}
