using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Queries.Verification;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Exports;

/// <summary>
/// The CSV export of the sales dashboard's detail (units, revenue and orders by day, branch and product) adds up to
/// the totals <c>POST /api/query</c> gives for the same spec, on each engine's demo data; and a Manager's export
/// holds their branch only.
/// </summary>
public static class ExportTotalsScenarios
{
    private const string Spec = """
        { "metrics": ["units", "revenue", "orders"], "dimensions": ["location", "product"],
          "time": { "grain": "day", "range": { "preset": "last_30_days" } },
          "order": [ { "member": "order_date" }, { "member": "location" }, { "member": "product" } ] }
        """;

    public static async Task The_totals_of_the_csv_equal_the_querys_totals(DemoWarehouse demo)
    {
        using var admin = await demo.SignedInClientAsync(Role.SuperAdmin);

        var answer = await demo.QueryAsync(Spec);
        using var response = await admin.PostAsync(new Uri("/api/export/csv", UriKind.Relative),
            new StringContent($$"""{ "spec": {{Spec}}, "name": "sales" }""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        var rows = CsvText.Parse(body);
        Assert.Equal(["Order date", "Branch", "Product", "Units", "Revenue", "Orders"], rows[0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(answer.GetProperty("rows").GetArrayLength(), data.Count);
        Assert.True(data.Count > 100, $"only {data.Count} rows");
        var totals = answer.GetProperty("totals");
        Assert.Equal(totals.GetProperty("units").GetDecimal(), data.Sum(row => Number(row[3])));
        Assert.Equal(totals.GetProperty("revenue").GetDecimal(), data.Sum(row => Number(row[4])));
        Assert.Equal("attachment; filename=\"sales-2026-01-03-2026-02-01.csv\"", response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    private static decimal Number(string cell) => decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary><see cref="ExportTotalsScenarios"/> on DuckDB.</summary>
public sealed class DuckDbExportTotalsTests(DuckDbDemo demo) : IClassFixture<DuckDbDemo>
{
    [Fact]
    public async Task The_totals_of_the_csv_equal_the_querys_totals() =>
        await ExportTotalsScenarios.The_totals_of_the_csv_equal_the_querys_totals(await demo.Facts);
}

/// <summary><see cref="ExportTotalsScenarios"/> on PostgreSQL.</summary>
public sealed class PostgresExportTotalsTests(PostgresDemo demo) : IClassFixture<PostgresDemo>
{
    [Northstar.Testing.PostgresFact]
    public async Task The_totals_of_the_csv_equal_the_querys_totals() =>
        await ExportTotalsScenarios.The_totals_of_the_csv_equal_the_querys_totals(await demo.Facts);
}
