using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Server.Exports;

namespace Northstar.Server.Tests.Exports;

/// <summary>How an answer's cells are written: text that a spreadsheet would run as a formula is escaped, numbers never.</summary>
public sealed class CsvAnswerTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1 tip", "'+1 tip")]
    [InlineData("-12.5", "'-12.5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\rReturn", "\"'\rReturn\"")]
    [InlineData("Paint, \"white\"", "\"Paint, \"\"white\"\"\"")]
    [InlineData("Two\nlines", "\"Two\nlines\"")]
    [InlineData("a=b-c", "a=b-c")]
    [InlineData("", "")]
    public void A_text_cell_starting_like_a_formula_gets_a_leading_quote(string text, string written) =>
        Assert.Equal(written, CsvAnswer.Cell(text));

    [Fact]
    public void Numbers_dates_and_flags_are_written_as_such_and_negative_numbers_are_not_escaped()
    {
        Assert.Equal("-12.5", CsvAnswer.Cell(-12.5m));
        Assert.Equal("-12.50", CsvAnswer.Cell(-12.50m));
        Assert.Equal("1234567.891", CsvAnswer.Cell(1234567.891m));
        Assert.Equal("-3", CsvAnswer.Cell(-3L));
        Assert.Equal("2026-01-31", CsvAnswer.Cell(new DateOnly(2026, 1, 31)));
        Assert.Equal("2026-01-31 14:00:00", CsvAnswer.Cell(new DateTime(2026, 1, 31, 14, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("true", CsvAnswer.Cell(true));
        Assert.Equal("", CsvAnswer.Cell(null));
    }

    [Fact]
    public void The_file_has_a_header_of_labels_and_a_crlf_line_per_row()
    {
        var answer = new QueryAnswer(
            [
                new ResultColumn("order_date", "Order date", DataType.Date, ValueFormat.Date, ColumnRole.Time),
                new ResultColumn("product", "-Product, name", DataType.String, ValueFormat.None, ColumnRole.Dimension),
                new ResultColumn("revenue", "Revenue", DataType.Number, ValueFormat.Currency, ColumnRole.Metric),
            ],
            [
                [new DateOnly(2026, 1, 2), "=cmd", -12.5m],
                [new DateOnly(2026, 1, 3), null, 7m],
            ],
            new Dictionary<string, object?>(),
            null);

        Assert.Equal("Order date,\"'-Product, name\",Revenue\r\n2026-01-02,'=cmd,-12.5\r\n2026-01-03,,7\r\n", CsvAnswer.Write(answer));
    }
}
