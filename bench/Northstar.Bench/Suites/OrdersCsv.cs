using System.Globalization;
using System.Text;

namespace Northstar.Bench.Suites;

/// <summary>
/// Writes an orders CSV in the flat shape of the file import (one row per line item, the order's columns repeated,
/// a header in our field names) and keeps the file's own totals, to check what reached gold by an independent path.
/// Orders have one to five lines; the shape is deterministic for a given id prefix and line count.
/// </summary>
internal static class OrdersCsv
{
    public const string Header =
        "id,location_id,ordered_at,updated_at,subtotal,total,"
        + "line_items.line_number,line_items.quantity,line_items.unit_price,line_items.line_total";

    private const int Locations = 5;
    private static readonly DateTimeOffset FirstOrder = new(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>What the generated file holds: its order lines, orders and the sum of its line totals.</summary>
    public sealed record Totals(long Lines, long Orders, decimal LineTotal);

    public static async Task<Totals> WriteAsync(string path, string idPrefix, long lines, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        var text = new StringBuilder(512);
        long written = 0, orders = 0;
        var lineTotalSum = 0m;
        while (written < lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = orders++;
            var count = (int)Math.Min(1 + (order * 7 % 5), lines - written);
            var quantities = new int[count];
            var prices = new decimal[count];
            var total = 0m;
            for (var i = 0; i < count; i++)
            {
                quantities[i] = 1 + (int)((order + i) * 13 % 4);
                prices[i] = new decimal(100 + (int)((order * 31 + i * 17) % 9_900), 0, 0, isNegative: false, scale: 2);
                total += quantities[i] * prices[i];
            }

            var id = idPrefix + order.ToString(CultureInfo.InvariantCulture);
            var location = "branch-" + (order % Locations).ToString(CultureInfo.InvariantCulture);
            var at = FirstOrder.AddMinutes(order % 525_600).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                var lineTotal = quantities[i] * prices[i];
                text.Clear().Append(CultureInfo.InvariantCulture, $"{id},{location},{at},{at},{total},{total},")
                    .Append(CultureInfo.InvariantCulture, $"{i + 1},{quantities[i]},{prices[i]},{lineTotal}");
                await writer.WriteLineAsync(text, cancellationToken);
                lineTotalSum += lineTotal;
            }

            written += count;
        }

        return new Totals(written, orders, lineTotalSum);
    }
}
