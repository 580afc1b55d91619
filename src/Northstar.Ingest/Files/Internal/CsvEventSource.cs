using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace Northstar.Ingest.Files.Internal;

/// <summary>
/// Reads a CSV file into events with CsvHelper: delimiter given or detected, RFC 4180 quotes, BOM, CRLF. Rows of an
/// entity with a nested list (orders, jobs) are grouped by id; the rows of one id must be consecutive (the ids of
/// finished records are remembered to tell). Every limit is
/// enforced while reading, before a record can grow past it.
/// </summary>
internal sealed class CsvEventSource(FileImportOptions options, EntityShape shape, ValueConverter converter, FileContext context)
{
    /// <summary>The delimiter in use, known once the header is read.</summary>
    public char? Delimiter { get; private set; }

    /// <summary>Header columns bound to no field, known once the header is read.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    public async IAsyncEnumerable<ScannedEvent> ReadAsync(Stream stream, bool validate, [EnumeratorCancellation] CancellationToken ct)
    {
        var limits = options.Limits;
        var unterminatedQuote = false;
        var readerOptions = new CsvReaderOptions
        {
            Separator = options.Delimiter,
            HasHeader = true,
            TrackLineNumbers = true,
            MaxRecordSize = limits.MaxLineBytes,
            OnMalformedRecord = record => unterminatedQuote |= record.Reason == CsvMalformedReason.UnterminatedQuote,
        };
        await using var reader = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        await Guard(async () =>
        {
            await reader.ReadHeaderAsync(ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        var header = reader.Headers;
        if (header.Count == 0)
            throw new FileImportException($"{context.FileName}: the file is empty; a CSV file starts with a header row.");
        if (header.Count > limits.MaxColumns)
        {
            throw new FileImportException(
                $"{context.FileName}: the header has {header.Count:N0} columns; the limit is {limits.MaxColumns:N0}.");
        }

        Delimiter = reader.Separator;
        var columns = CsvColumns.Bind(shape, header, options.Mappings, context.FileName);
        IgnoredColumns = columns.Ignored;
        var assembler = new CsvEventAssembler(shape, columns, converter, context);
        var idIndex = Array.FindIndex(columns.Bindings.ToArray(), binding => binding.Field.Name == "id");
        var grouped = shape.NestedList is not null && idIndex >= 0;
        HashSet<string>? finished = grouped ? new(StringComparer.Ordinal) : null;

        var group = new List<CsvRow>();
        var groupRows = 0;
        string? groupId = null;
        string? groupProblem = null;
        while (await Guard(() => reader.ReadAsync(ct)).ConfigureAwait(false))
        {
            var line = reader.LineNumber;
            if (unterminatedQuote)
                throw new FileImportException($"{context.FileName}: line {line:N0}: a quoted field is never closed.");
            if (reader.RawRecord.Length > limits.MaxLineBytes)
            {
                throw new FileImportException(
                    $"{context.FileName}: line {line:N0} is longer than the limit of {limits.MaxLineBytes:N0} bytes.");
            }

            if (reader.FieldCount > limits.MaxColumns)
            {
                throw new FileImportException(
                    $"{context.FileName}: line {line:N0} has {reader.FieldCount:N0} columns; the limit is {limits.MaxColumns:N0}.");
            }

            var row = ReadRow(reader, columns, line);
            var id = idIndex >= 0 ? row.Values[idIndex] : null;
            if (group.Count > 0 && (!grouped || id is null || !string.Equals(id, groupId, StringComparison.Ordinal)))
            {
                yield return assembler.Assemble(group, groupRows, groupProblem, validate);
                if (groupId is not null)
                    finished?.Add(groupId);
                group = [];
                groupRows = 0;
                groupProblem = null;
            }

            if (group.Count == 0)
            {
                groupId = grouped ? id : null;
                if (groupId is not null && finished!.Contains(groupId))
                    groupProblem = $"the rows of '{groupId}' must be consecutive; it already appeared on an earlier line";
            }

            groupRows++;
            if (group.Count < limits.MaxRowsPerEvent)
                group.Add(row);
            else
                groupProblem ??= $"'{groupId}' has more than {limits.MaxRowsPerEvent:N0} rows, the limit for one record";
        }

        if (group.Count > 0)
            yield return assembler.Assemble(group, groupRows, groupProblem, validate);
    }

    private static CsvRow ReadRow(CsvReader reader, CsvColumns columns, long line)
    {
        var values = new string?[columns.Bindings.Count];
        for (var index = 0; index < values.Length; index++)
        {
            var column = columns.Bindings[index].Column;
            var text = column < reader.FieldCount ? reader.GetString(column)?.Trim() : null;
            values[index] = string.IsNullOrEmpty(text) ? null : text;
        }

        return new CsvRow(line, values);
    }

    // CsvHelper reports a record over MaxRecordSize (an unterminated quote in a big file, a huge line) as malformed input.
    private async Task<T> Guard<T>(Func<ValueTask<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (CsvFormatException error)
        {
            var where = error.LineNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {error.LineNumber:N0}") : "a record";
            throw new FileImportException(
                $"{context.FileName}: {where} cannot be read: it is longer than the limit of {options.Limits.MaxLineBytes:N0} bytes " +
                "or malformed (an unterminated quote?).", error);
        }
    }
}
