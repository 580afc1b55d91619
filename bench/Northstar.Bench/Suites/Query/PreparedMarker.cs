using System.Globalization;

namespace Northstar.Bench.Suites.Query;

/// <summary>
/// A one-row table, <c>bench.query_prepared</c>, saying at which size the demo company was loaded into a warehouse, so a
/// kept warehouse (<c>--keep</c>) is loaded once and reused by the runs that follow.
/// </summary>
internal static class PreparedMarker
{
    public const string CreateSql = "create schema if not exists bench; create table if not exists bench.query_prepared (size text not null)";

    public const string SelectSql = "select coalesce(max(size), '') from bench.query_prepared";

    /// <summary>The size of the demo company a run asks for, as the marker holds it.</summary>
    public static string Size(BenchSettings settings) =>
        string.Create(CultureInfo.InvariantCulture, $"{settings.Days} days x {settings.OrdersPerDay} orders a day");

    /// <summary>Sizes are the harness's own text (numbers and fixed words), never user input.</summary>
    public static string InsertSql(string size) => $"insert into bench.query_prepared values ('{size}')";
}
