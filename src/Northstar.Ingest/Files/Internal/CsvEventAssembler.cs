using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Pipeline.Validation;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// Turns the rows of one record (one row, or the rows of one order or job) into its event: converts the cells, fills
/// in a missing id and updated_at, then validates the payload with the pipeline's own rules, so that what passes here
/// is accepted by the pipeline. Every problem is reported at the line and column it comes from. The second pass of a
/// file skips that validation (<c>validate</c> false): it knows the bad records from the first, and the pipeline
/// validates again as it accepts.
/// </summary>
internal sealed class CsvEventAssembler(EntityShape shape, CsvColumns columns, ValueConverter converter, FileContext context)
{
    public ScannedEvent Assemble(IReadOnlyList<CsvRow> rows, int rowCount, string? groupProblem, bool validate)
    {
        var issues = new List<FileImportIssue>();
        var first = rows[0];
        if (groupProblem is not null)
            issues.Add(context.Issue(first.Line, null, groupProblem));

        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var children = new List<IReadOnlyDictionary<string, FieldValue>>();
        var childRows = new List<CsvRow>();
        for (var index = 0; index < columns.Bindings.Count; index++)
        {
            var binding = columns.Bindings[index];
            if (binding.Nested)
                continue;
            foreach (var row in rows.Skip(1))
            {
                if (!string.Equals(row.Values[index], first.Values[index], StringComparison.Ordinal))
                {
                    issues.Add(context.Issue(row.Line, binding.ColumnName,
                        $"'{row.Values[index]}' differs from '{first.Values[index]}' on line {first.Line}: " +
                        "the rows of one record repeat its values"));
                }
            }

            Convert(binding, first, first.Values[index], values, issues);
        }

        foreach (var row in rows)
        {
            var child = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
            for (var index = 0; index < columns.Bindings.Count; index++)
            {
                if (columns.Bindings[index].Nested)
                    Convert(columns.Bindings[index], row, row.Values[index], child, issues);
            }

            if (child.Count > 0)
            {
                children.Add(child);
                childRows.Add(row);
            }
        }

        if (!values.ContainsKey("id"))
            values["id"] = FieldValue.OfText(context.SynthesizedId(first.Line));
        if (!values.ContainsKey("updated_at"))
        {
            var natural = shape.NaturalTime is { } name && values.TryGetValue(name, out var time) ? time.AsInstant() : null;
            values["updated_at"] = FieldValue.OfInstant(natural ?? context.FixedInstant);
        }

        if (issues.Count > 0)
            return new ScannedEvent(null, issues, rowCount);

        var payload = PayloadWriter.Write(shape, values, children);
        if (!validate)
            return new ScannedEvent(new IncomingEvent(payload), issues, rowCount);
        var (_, errors) = EventValidator.Validate(shape.Entity, payload);
        foreach (var error in errors)
            issues.Add(IssueOf(error, first, childRows));
        return new ScannedEvent(issues.Count == 0 ? new IncomingEvent(payload) : null, issues, rowCount);
    }

    private void Convert(CsvBinding binding, CsvRow row, string? text, Dictionary<string, FieldValue> into, List<FileImportIssue> issues)
    {
        if (text is null)
            return;
        if (converter.TryConvert(binding.Field.Kind, text, out var value, out var reason))
            into[binding.Field.Name] = value;
        else
            issues.Add(context.Issue(row.Line, binding.ColumnName, reason));
    }

    // Maps a validation error's JSON path (line_items[2].quantity) back to the row and column it came from.
    private FileImportIssue IssueOf(FieldError error, CsvRow first, List<CsvRow> childRows)
    {
        var path = error.Field;
        var row = first;
        var fieldName = path;
        if (shape.NestedList is { } list && path.StartsWith(list + "[", StringComparison.Ordinal))
        {
            var close = path.IndexOf(']', StringComparison.Ordinal);
            if (close > 0
                && int.TryParse(path.AsSpan(list.Length + 1, close - list.Length - 1), out var element)
                && element < childRows.Count)
                row = childRows[element];
            fieldName = close > 0 && close + 2 <= path.Length ? $"{list}.{path[(close + 2)..]}" : list;
        }

        var binding = columns.Bindings.FirstOrDefault(candidate => candidate.Field.Name == fieldName);
        return binding is null
            ? context.Issue(row.Line, null, $"{path} {error.Message}")
            : context.Issue(row.Line, binding.ColumnName, $"{fieldName} {error.Message}");
    }
}
