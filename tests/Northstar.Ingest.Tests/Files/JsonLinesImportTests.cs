using Northstar.Ingest.Files;

namespace Northstar.Ingest.Tests.Files;

public sealed class JsonLinesImportTests : IDisposable
{
    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Wire_format_lines_are_read_as_they_are_and_blank_lines_are_ignored()
    {
        const string line = """{"id":"A1","updated_at":"2026-03-01T10:05:00Z","location_id":"L1","ordered_at":"2026-03-01T"""
            + """10:00:00Z","line_items":[{"line_number":1,"quantity":2,"unit_price":5,"line_total":10}]}""";
        var path = _folder.Write("orders.jsonl", "\uFEFF" + line + "\r\n\r\n" + line.Replace("A1", "A2", StringComparison.Ordinal) + "\n");

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Orders));
        var orders = await ImportFolder.EventsOf(result);

        Assert.Equal(FileFormat.JsonLines, result.Format);
        Assert.Equal(2, result.Rows);
        Assert.Equal(line, orders[0].GetRawText());
        Assert.Equal("A2", orders[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_line_and_under_skip_the_others_are_read()
    {
        var path = _folder.Write("customers.ndjson", """
            {"id":"c1","updated_at":"2026-03-01T10:00:00Z","name":"Ann"}
            {"id":"c2","updated_at":"2026-03-01T10:00:00Z","name":
            [1,2]
            {"id":"c4","updated_at":"yesterday"}
            {"id":"c5","updated_at":"2026-03-01T10:00:00Z"}
            """);

        var failing = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers));
        var skipping = await FileImportReader.ReadAsync(
            path, ImportFolder.Options(EntityKind.Customers) with { OnError = BadRowPolicy.Skip });

        Assert.False(failing.CanImport);
        Assert.Equal(
            ["customers.ndjson:2: the line is not valid JSON at character 55",
             "customers.ndjson:3: the line is not a JSON object",
             "customers.ndjson:4: column 'updated_at': updated_at has the wrong type or format"],
            failing.Issues.Select(issue => issue.ToString()));
        Assert.Equal(["c1", "c5"], (await ImportFolder.EventsOf(skipping)).Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Lines_without_id_or_updated_at_get_stable_synthesized_ones()
    {
        var path = _folder.Write("leads.jsonl", """
            {"channel":"web","created_at":"2026-03-01T10:00:00Z"}
            {"channel":"tv","created_at":"2026-03-02T10:00:00Z"}
            """);

        var once = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Leads)));
        var again = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Leads)));

        Assert.Equal(once.Select(e => e.GetRawText()), again.Select(e => e.GetRawText()));
        Assert.Matches("^file-[0-9a-f]{16}-2$", once[1].GetProperty("id").GetString());
        Assert.Equal(once[1].GetProperty("created_at").GetDateTimeOffset(), once[1].GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_format_is_detected_from_the_content_when_the_extension_says_nothing()
    {
        var path = _folder.Write("export.dat", "  {\"id\":\"c1\",\"updated_at\":\"2026-03-01T10:00:00Z\"}\n");

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers));

        Assert.Equal((FileFormat.JsonLines, 1L), (result.Format, result.Events));
    }

    [Fact]
    public async Task Column_mappings_are_refused_for_json_lines()
    {
        var path = _folder.Write("customers.jsonl", "{\"id\":\"c1\",\"updated_at\":\"2026-03-01T10:00:00Z\"}\n");
        var options = ImportFolder.Options(EntityKind.Customers) with { Mappings = ColumnMappings.Parse(["name=Name"]) };

        var error = await Assert.ThrowsAsync<FileImportException>(() => FileImportReader.ReadAsync(path, options));

        Assert.Equal("customers.jsonl: column mappings apply to CSV files; JSON lines use the wire field names.", error.Message);
    }
}
