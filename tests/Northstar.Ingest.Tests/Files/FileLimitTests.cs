using System.Text;
using Northstar.Ingest.Files;

namespace Northstar.Ingest.Tests.Files;

/// <summary>Hostile and oversized files end quickly with an error naming the file, the line and the limit.</summary>
public sealed class FileLimitTests : IDisposable
{
    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = _folder.Write("customers.csv", "id,name\nc1,Ann\n");
        var options = ImportFolder.Options(EntityKind.Customers) with { Limits = new FileImportLimits { MaxFileBytes = 10 } };

        var error = await Assert.ThrowsAsync<FileImportException>(() => FileImportReader.ReadAsync(path, options));

        Assert.Equal("customers.csv is 15 bytes; the limit is 10.", error.Message);
    }

    [Theory]
    [InlineData("customers.csv")]
    [InlineData("customers.jsonl")]
    public async Task A_line_over_the_length_limit_names_its_line(string name)
    {
        var longName = new string('x', 300);
        var content = name.EndsWith(".csv", StringComparison.Ordinal)
            ? $"id,name\nc1,Ann\nc2,{longName}\n"
            : $"{{\"id\":\"c1\",\"name\":\"Ann\"}}\n{{\"id\":\"c2\",\"name\":\"{longName}\"}}\n";
        var path = _folder.Write(name, content);
        var options = ImportFolder.Options(EntityKind.Customers) with { Limits = new FileImportLimits { MaxLineBytes = 256 } };

        var error = await Assert.ThrowsAsync<FileImportException>(() => FileImportReader.ReadAsync(path, options));

        Assert.Contains("longer than the limit of 256 bytes", error.Message, StringComparison.Ordinal);
        var line = name.EndsWith(".csv", StringComparison.Ordinal) ? 3 : 2;
        Assert.Contains($"{name}: line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_more_columns_than_the_limit_names_its_line()
    {
        var path = _folder.Write("customers.csv", "id,name\nc1,Ann\nc2,Bob" + string.Concat(Enumerable.Repeat(",x", 20)) + "\n");
        var options = ImportFolder.Options(EntityKind.Customers) with { Limits = new FileImportLimits { MaxColumns = 10 } };

        var error = await Assert.ThrowsAsync<FileImportException>(() => FileImportReader.ReadAsync(path, options));

        Assert.Equal("customers.csv: line 3 has 22 columns; the limit is 10.", error.Message);
    }

    [Fact]
    public async Task A_header_of_a_million_columns_is_refused()
    {
        var path = _folder.Write("customers.csv", "id" + string.Concat(Enumerable.Repeat(",x", 1_000_000)) + "\nc1\n");
        var options = ImportFolder.Options(EntityKind.Customers) with { Limits = new FileImportLimits { MaxLineBytes = 4 << 20 } };

        var error = await Assert.ThrowsAsync<FileImportException>(() => FileImportReader.ReadAsync(path, options));

        Assert.Equal("customers.csv: the header has 1,000,001 columns; the limit is 1,000.", error.Message);
    }

    [Fact]
    public async Task An_order_spanning_more_rows_than_the_limit_is_a_bad_row()
    {
        var row = "A1,L1,2026-03-01T10:00:00Z,1,5,5\n";
        var path = _folder.Write("orders.csv",
            "order_id,location_id,ordered_at,line_items.quantity,line_items.unit_price,line_items.line_total\n"
            + string.Concat(Enumerable.Repeat(row, 4)));
        var options = ImportFolder.Options(EntityKind.Orders) with { Limits = new FileImportLimits { MaxRowsPerEvent = 3 } };

        var result = await FileImportReader.ReadAsync(path, options);

        Assert.Equal(4, result.BadRows);
        Assert.Equal("orders.csv:2: 'A1' has more than 3 rows, the limit for one record", Assert.Single(result.Issues).ToString());
    }

    [Theory]
    [InlineData("huge.csv")]
    [InlineData("huge.jsonl")]
    public async Task A_one_gigabyte_single_line_fails_fast_on_the_line_limit(string name)
    {
        var path = Path.Combine(_folder.Path, name);
        using (var file = File.Create(path))
        {
            file.Write("{\"id\":\"x\",\"name\":\""u8);
            file.SetLength(1L << 30); // sparse: a gigabyte of NUL bytes without a line break
        }

        var format = name.EndsWith(".csv", StringComparison.Ordinal) ? FileFormat.Csv : FileFormat.JsonLines;

        var error = await Assert.ThrowsAsync<FileImportException>(() =>
            FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers) with { Format = format }));

        Assert.Contains("longer than the limit of 1,048,576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unterminated_quote_in_a_small_file_names_the_line()
    {
        var path = _folder.Write("customers.csv", "id,name\nc1,Ann\nc2,\"Bob\nc3,Cy\n");

        var error = await Assert.ThrowsAsync<FileImportException>(() =>
            FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers)));

        Assert.Equal("customers.csv: line 3: a quoted field is never closed.", error.Message);
    }

    [Fact]
    public async Task An_unterminated_quote_in_a_large_file_stops_at_the_record_limit()
    {
        var path = Path.Combine(_folder.Path, "customers.csv");
        var builder = new StringBuilder("id,name\nc0,\"open\n");
        for (var i = 1; i < 200_000; i++)
            builder.Append("c").Append(i).Append(",Name\n");
        await File.WriteAllTextAsync(path, builder.ToString());
        var options = ImportFolder.Options(EntityKind.Customers) with { Limits = new FileImportLimits { MaxLineBytes = 64 * 1024 } };

        var error = await Assert.ThrowsAsync<FileImportException>(() => FileImportReader.ReadAsync(path, options));

        Assert.Contains(
            "cannot be read: it is longer than the limit of 65,536 bytes or malformed (an unterminated quote?)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_a_clear_error()
    {
        var path = _folder.Write("customers.csv", "");

        var error = await Assert.ThrowsAsync<FileImportException>(() =>
            FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers)));

        Assert.Equal("customers.csv: the file is empty; a CSV file starts with a header row.", error.Message);
    }
}
