using System.Globalization;

namespace Northstar.Bench.Suites;

/// <summary>
/// The narrow rows every suite uses: <c>id</c>, a <c>day</c> spread over ten years (so that grouping by day gives a few
/// thousand rows), an <c>amount</c> with cents, and a short <c>label</c> for the streaming suite. The same formulas
/// are used by the bulk loader (in C#) and by the engines (in SQL), so both engines hold the same data.
/// </summary>
internal static class Dataset
{
    /// <summary>The table the aggregate and stream suites read.</summary>
    public const string FactsTable = "bench.facts";

    /// <summary>The table the load suite writes, afresh on every run.</summary>
    public const string LoadTable = "bench.load_rows";

    /// <summary>Ten years of days, so a group-by-day result has 3,653 rows once there are that many ids.</summary>
    public const int Days = 3653;

    // Multipliers coprime with the moduli: consecutive ids visit every day and many amounts in a scattered order.
    private const long DayStep = 7919;
    private const long AmountStep = 31337;
    private const long Cents = 100_000;

    private const string FirstDayText = "2015-01-01";

    public static readonly DateOnly FirstDay = DateOnly.ParseExact(FirstDayText, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<string> LoadColumns = ["id", "day", "amount"];

    public const string CreateSchemaSql = "create schema if not exists bench";

    public const string CreateLoadTableSql = $"""
        create table {LoadTable} (
            id bigint not null,
            day date not null,
            amount decimal(18, 2) not null
        )
        """;

    public static DateOnly Day(long id) => FirstDay.AddDays((int)(id * DayStep % Days));

    public static decimal Amount(long id) => new((int)(id * AmountStep % Cents), 0, 0, isNegative: false, scale: 2);

    /// <summary>The sum of the amounts of the first <paramref name="rows"/> ids, to check what a suite read.</summary>
    public static decimal TotalAmount(long rows)
    {
        var total = 0m;
        for (long id = 0; id < rows; id++)
        {
            total += Amount(id);
        }

        return total;
    }

    /// <summary>The rows a group-by-day over <paramref name="rows"/> ids returns.</summary>
    public static long DaysCovered(long rows) => Math.Min(rows, Days);

    /// <summary>Creates <see cref="FactsTable"/> from a row source yielding a bigint <c>i</c> from 0 to rows - 1.</summary>
    public static string CreateFactsSql(string rowSource) => $"""
        create table {FactsTable} as
        select i as id,
               date '{FirstDayText}' + cast(i * {DayStep} % {Days} as integer) as day,
               cast(i * {AmountStep} % {Cents} / 100.0 as decimal(18, 2)) as amount,
               'customer-' || cast(i % 50000 as varchar) as label
        from {rowSource}
        """;
}
