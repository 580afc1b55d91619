using System.Text.Json;
using Northstar.Ingest.Files;

namespace Northstar.Ingest.Tests.Files;

public sealed class CsvImportTests : IDisposable
{
    private readonly ImportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task Any_delimiter_is_detected_and_the_same_one_given_explicitly_reads_the_same(char delimiter)
    {
        var d = delimiter.ToString();
        var path = _folder.Write("products.csv", $"id{d}name{d}category{d}unit_price\np1{d}Brush{d}Paint{d}4.5\np2{d}Saw{d}Tools{d}12\n");

        var detected = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Products));
        var given = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Products) with { Delimiter = delimiter });

        Assert.Equal(delimiter, detected.Delimiter);
        Assert.Equal(2, detected.Events);
        var events = await ImportFolder.EventsOf(detected);
        Assert.Equal("Saw", events[1].GetProperty("name").GetString());
        Assert.Equal(12m, events[1].GetProperty("unit_price").GetDecimal());
        Assert.Equal(
            events.Select(e => e.GetRawText()),
            (await ImportFolder.EventsOf(given)).Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task Quoted_fields_keep_delimiters_line_breaks_and_escaped_quotes()
    {
        var path = _folder.Write("products.csv", "id,name,category\r\np1,\"Brush, 2\"\" wide\",\"Paint\r\nand more\"\r\np2,Saw,Tools\r\n");

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Products));
        var events = await ImportFolder.EventsOf(result);

        Assert.Equal(2, result.Rows);
        Assert.Equal("Brush, 2\" wide", events[0].GetProperty("name").GetString());
        Assert.Equal("Paint\r\nand more", events[0].GetProperty("category").GetString());
        Assert.Equal("Tools", events[1].GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_bad_row_after_a_quoted_line_break_is_reported_at_its_own_line()
    {
        var path = _folder.Write("products.csv", "id,name,is_active\np1,\"Brush\nwide\",yes\np2,Saw,no\np3,Hammer,maybe\n");

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Products) with { OnError = BadRowPolicy.Skip });

        Assert.Equal(2, result.Events);
        Assert.Equal("products.csv:5: column 'is_active': 'maybe' is not true or false", Assert.Single(result.Issues).ToString());
    }

    [Fact]
    public async Task A_byte_order_mark_and_crlf_line_ends_are_not_part_of_the_values()
    {
        var path = _folder.Write("customers.csv", "id,name\r\nc1,Ann\r\nc2,Bob\r\n", byteOrderMark: true);

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers));
        var events = await ImportFolder.EventsOf(result);

        Assert.Empty(result.IgnoredColumns);
        Assert.Equal(["c1", "c2"], events.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("Bob", events[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Mapped_columns_fill_our_fields_and_unmapped_unknown_columns_are_listed_as_ignored()
    {
        var path = _folder.Write("spend.csv", "Ref,Day,Medium,Cost,Notes\nS1,2026-03-01,tv,1200.50,x\n");
        var options = ImportFolder.Options(EntityKind.MarketingSpend) with
        {
            Mappings = ColumnMappings.Parse(["spend_id=Ref", "spend_date=Day", "channel=Medium", "amount=Cost"]),
        };

        var result = await FileImportReader.ReadAsync(path, options);
        var spend = Assert.Single(await ImportFolder.EventsOf(result));

        Assert.Equal(["Notes"], result.IgnoredColumns);
        Assert.Equal("S1", spend.GetProperty("id").GetString());
        Assert.Equal("2026-03-01", spend.GetProperty("spend_date").GetString());
        Assert.Equal("tv", spend.GetProperty("channel").GetString());
        Assert.Equal(1200.50m, spend.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_mapping_to_an_unknown_field_or_column_and_a_missing_required_column_are_clear_errors()
    {
        var path = _folder.Write("spend.csv", "Day,Medium,Cost\n2026-03-01,tv,5\n");
        var options = ImportFolder.Options(EntityKind.MarketingSpend);

        var unknownField = await Assert.ThrowsAsync<FileImportException>(() =>
            FileImportReader.ReadAsync(path, options with { Mappings = ColumnMappings.Parse(["colour=Day"]) }));
        var unknownColumn = await Assert.ThrowsAsync<FileImportException>(() =>
            FileImportReader.ReadAsync(path, options with { Mappings = ColumnMappings.Parse(["spend_date=Date"]) }));
        var missing = await Assert.ThrowsAsync<FileImportException>(() =>
            FileImportReader.ReadAsync(path, options with { Mappings = ColumnMappings.Parse(["spend_date=Day"]) }));

        Assert.Contains("'colour' is not a field of marketing_spend", unknownField.Message, StringComparison.Ordinal);
        Assert.Contains("spend_date=Date names a column the header does not have", unknownColumn.Message, StringComparison.Ordinal);
        Assert.Contains("no column for the required fields channel, amount", missing.Message, StringComparison.Ordinal);
        Assert.Throws<FileImportException>(() => ColumnMappings.Parse(["amount"]));
    }

    [Fact]
    public async Task Order_rows_are_grouped_by_order_id_into_one_order_with_its_line_items()
    {
        var path = _folder.Write("orders.csv", """
            order_id,location_id,ordered_at,total,line_items.product_id,line_items.quantity,line_items.unit_price,line_items.line_total
            A1,L1,2026-03-01T10:00:00Z,30,P1,2,10,20
            A1,L1,2026-03-01T10:00:00Z,30,P2,1,10,10
            A2,L2,2026-03-01T11:00:00Z,5,P3,1,5,5
            """);

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Orders));
        var orders = await ImportFolder.EventsOf(result);

        Assert.Equal(3, result.Rows);
        Assert.Equal(2, result.Events);
        var lines = orders[0].GetProperty("line_items").EnumerateArray().ToArray();
        Assert.Equal("A1", orders[0].GetProperty("id").GetString());
        Assert.Equal(["P1", "P2"], lines.Select(line => line.GetProperty("product_id").GetString()));
        Assert.Equal([1, 2], lines.Select(line => line.GetProperty("line_number").GetInt32()));
        Assert.Equal(1, orders[1].GetProperty("line_items").GetArrayLength());
        // Without updated_at, an order is as new as it was placed.
        Assert.Equal(orders[0].GetProperty("ordered_at").GetDateTimeOffset(), orders[0].GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Rows_of_one_order_that_disagree_or_are_not_consecutive_are_reported_at_their_line()
    {
        var path = _folder.Write("orders.csv", """
            order_id,location_id,ordered_at,line_items.quantity,line_items.unit_price,line_items.line_total
            A1,L1,2026-03-01T10:00:00Z,1,5,5
            A1,L9,2026-03-01T10:00:00Z,1,5,5
            A2,L1,2026-03-01T10:00:00Z,1,5,5
            A3,L1,2026-03-01T10:00:00Z,1,5,5
            A2,L1,2026-03-01T10:00:00Z,1,5,5
            """);

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Orders));

        Assert.Equal(2, result.Events);
        Assert.Equal(3, result.BadRows);
        Assert.Equal(
            ["orders.csv:3: column 'location_id': 'L9' differs from 'L1' on line 2: the rows of one record repeat its values",
             "orders.csv:6: the rows of 'A2' must be consecutive; it already appeared on an earlier line"],
            result.Issues.Select(issue => issue.ToString()));
    }

    [Fact]
    public async Task Job_rows_carry_commission_splits_and_a_job_without_split_columns_has_none()
    {
        var withSplits = _folder.Write("jobs.csv", """
            job_id,sold_amount,sold_at,commission_splits.employee_id,commission_splits.share
            J1,1000,2026-03-01T10:00:00Z,E1,0.6
            J1,1000,2026-03-01T10:00:00Z,E2,0.4
            """);
        var withoutSplits = _folder.Write("jobs2.csv", "job_id,sold_amount,sold_at\nJ2,50,2026-03-02T10:00:00Z\n");

        var job = Assert.Single(await ImportFolder.EventsOf(
            await FileImportReader.ReadAsync(withSplits, ImportFolder.Options(EntityKind.Jobs))));
        var plain = Assert.Single(await ImportFolder.EventsOf(
            await FileImportReader.ReadAsync(withoutSplits, ImportFolder.Options(EntityKind.Jobs))));

        var splits = job.GetProperty("commission_splits").EnumerateArray().ToArray();
        Assert.Equal(["E1", "E2"], splits.Select(split => split.GetProperty("employee_id").GetString()));
        Assert.Equal([0.6m, 0.4m], splits.Select(split => split.GetProperty("share").GetDecimal()));
        Assert.False(plain.TryGetProperty("commission_splits", out _));
    }

    [Fact]
    public async Task A_date_format_reads_compact_dates_and_local_times_take_the_given_time_zone()
    {
        var path = _folder.Write("leads.csv", """
            id,channel,created_at
            L1,web,20260115 0930
            L2,web,20260715 0930
            L3,web,2026-07-15T09:30:00+02:00
            """);
        var options = ImportFolder.Options(EntityKind.Leads) with { DateFormat = "yyyyMMdd HHmm", TimeZone = "America/Chicago" };

        var leads = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(path, options));

        // Chicago is UTC-6 in winter and UTC-5 in summer; a written offset wins over the zone.
        Assert.Equal(
            new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.FromHours(-6)), leads[0].GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(-6), leads[0].GetProperty("created_at").GetDateTimeOffset().Offset);
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 14, 30, 0, TimeSpan.Zero), leads[1].GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 7, 30, 0, TimeSpan.Zero), leads[2].GetProperty("created_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_local_time_skipped_by_daylight_saving_is_a_bad_row()
    {
        var path = _folder.Write("leads.csv", "id,channel,created_at\nL1,web,2026-03-08 02:30\n");
        var options = ImportFolder.Options(EntityKind.Leads) with { TimeZone = "America/Chicago" };

        var result = await FileImportReader.ReadAsync(path, options);

        var issue = Assert.Single(result.Issues);
        Assert.Equal((2L, "created_at"), (issue.Line, issue.Column));
        Assert.Contains("does not exist in America/Chicago", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decimal_comma_reads_amounts_and_under_a_decimal_point_a_comma_is_an_error_not_a_thousands_separator()
    {
        var path = _folder.Write("spend.csv", "id;spend_date;channel;amount\nS1;2026-03-01;tv;1234,56\n");

        var comma = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.MarketingSpend) with { DecimalSeparator = ',' });
        var point = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.MarketingSpend));

        Assert.Equal(1234.56m, Assert.Single(await ImportFolder.EventsOf(comma)).GetProperty("amount").GetDecimal());
        Assert.Equal(
            "spend.csv:2: column 'amount': '1234,56' is not a number with '.' as the decimal separator",
            Assert.Single(point.Issues).ToString());
    }

    [Fact]
    public async Task Rows_without_an_id_get_ids_from_the_content_and_line_that_are_the_same_on_every_read()
    {
        var content = "location_id,ordered_at,line_items.quantity,line_items.unit_price,line_items.line_total\n"
            + "L1,2026-03-01T10:00:00Z,1,5,5\nL1,2026-03-01T11:00:00Z,2,5,10\n";
        var first = _folder.Write("a.csv", content);
        var copy = _folder.Write("b.csv", content);
        var changed = _folder.Write("c.csv", content.Replace("2,5,10", "2,5,10.00", StringComparison.Ordinal));

        var once = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(first, ImportFolder.Options(EntityKind.Orders)));
        var again = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(first, ImportFolder.Options(EntityKind.Orders)));
        var copied = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(copy, ImportFolder.Options(EntityKind.Orders)));
        var other = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(changed, ImportFolder.Options(EntityKind.Orders)));

        Assert.Equal(2, once.Count);
        Assert.Equal(once.Select(e => e.GetRawText()), again.Select(e => e.GetRawText()));
        Assert.Equal(once.Select(e => e.GetRawText()), copied.Select(e => e.GetRawText()));
        Assert.NotEqual(once[0].GetProperty("id").GetString(), once[1].GetProperty("id").GetString());
        Assert.EndsWith("-3", once[1].GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(once[0].GetProperty("id").GetString(), other[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Without_updated_at_or_a_natural_time_the_fixed_instant_comes_from_the_file_content()
    {
        var path = _folder.Write("products.csv", "id,name\np1,Brush\np2,Saw\n");

        var products = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Products)));
        var again = await ImportFolder.EventsOf(await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Products)));

        var updatedAt = products[0].GetProperty("updated_at").GetDateTimeOffset();
        Assert.InRange(
            updatedAt, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(updatedAt, products[1].GetProperty("updated_at").GetDateTimeOffset());
        Assert.Equal(updatedAt, again[0].GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Under_fail_a_bad_row_makes_the_import_write_nothing_and_the_report_names_line_column_and_reason()
    {
        var path = _folder.Write("orders.csv", """
            order_id,location_id,ordered_at,line_items.quantity,line_items.unit_price,line_items.line_total
            A1,L1,2026-03-01T10:00:00Z,1,5,5
            A2,L1,2026-03-01T10:00:00Z,1,5,5
            A2,L1,2026-03-01T10:00:00Z,0,5,0
            A3,L1,yesterday,1,5,5
            """);

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Orders));

        Assert.False(result.CanImport);
        Assert.Equal((4L, 1L, 3L), (result.Rows, result.Events, result.BadRows));
        Assert.Equal(
            ["orders.csv:4: column 'line_items.quantity': line_items.quantity must be positive",
             "orders.csv:5: column 'ordered_at': 'yesterday' is not a date and time in the format ISO 8601"],
            result.Issues.Select(issue => issue.ToString()));
        var refused = await Assert.ThrowsAsync<FileImportException>(() => ImportFolder.EventsOf(result));
        Assert.Contains("3 bad rows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_skip_the_good_rows_are_read_and_the_bad_ones_reported()
    {
        var path = _folder.Write("customers.csv", "id,name,first_seen_at\nc1,Ann,2026-01-01\nc2,Bob,soon\nc3,Cy,\n");

        var result = await FileImportReader.ReadAsync(
            path, ImportFolder.Options(EntityKind.Customers) with { OnError = BadRowPolicy.Skip });
        var events = await ImportFolder.EventsOf(result);

        Assert.True(result.CanImport);
        Assert.Equal(["c1", "c3"], events.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(
            "customers.csv:3: column 'first_seen_at': 'soon' is not a date and time in the format ISO 8601",
            Assert.Single(result.Issues).ToString());
    }

    [Fact]
    public async Task Progress_reports_every_row_and_byte_by_the_end_of_each_pass()
    {
        var rows = string.Concat(Enumerable.Range(1, 25_000).Select(i => $"c{i},Name {i}\n"));
        var path = _folder.Write("customers.csv", "id,name\n" + rows);
        var reports = new List<FileImportProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var result = await FileImportReader.ReadAsync(path, ImportFolder.Options(EntityKind.Customers), progress);
        await foreach (var _ in result.ReadEventsAsync(progress))
        {
        }

        var size = new FileInfo(path).Length;
        Assert.Equal(new FileImportProgress(25_000, size, size, Validating: true), reports.Last(report => report.Validating));
        Assert.Equal(new FileImportProgress(25_000, size, size, Validating: false), reports[^1]);
        Assert.True(reports.Count(report => report.Validating) >= 3);
    }

    private sealed class SynchronousProgress(Action<FileImportProgress> report) : IProgress<FileImportProgress>
    {
        public void Report(FileImportProgress value) => report(value);
    }
}
