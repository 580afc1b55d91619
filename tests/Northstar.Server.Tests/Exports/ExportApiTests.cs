using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Exports;

/// <summary><c>POST /api/export/csv</c> on the hand-made shop of <see cref="ExportApp"/>.</summary>
public sealed class ExportApiTests(ExportApp fixture) : IClassFixture<ExportApp>
{
    private const string ByProductAndDay = """
        { "metrics": ["revenue", "units"], "dimensions": ["product"],
          "time": { "grain": "day", "range": { "from": "2026-02-01", "to": "2026-02-11" } },
          "order": [ { "member": "order_date" }, { "member": "product" } ] }
        """;

    [Fact]
    public async Task Text_cells_that_look_like_formulas_are_escaped_and_negative_numbers_are_not()
    {
        using var response = await ExportAsync(fixture.App.Client, ByProductAndDay, "sales");
        var csv = await CsvAsync(response);

        var rows = CsvText.Parse(csv);
        Assert.Equal(["Order date", "Product", "Revenue", "Units"], rows[0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(8, data.Count);
        var sold = data.Where(row => row[0] == "2026-02-10").ToDictionary(row => row[1], row => Number(row[2]));
        Assert.Equal(
            new Dictionary<string, decimal>
            {
                ["'=HYPERLINK(\"http://evil.example\",\"x\")"] = 10m,
                ["'+Tip jar"] = 10m,
                ["'-Discount bin"] = 12.5m,
                ["'@SUM(A1)"] = 10m,
                ["'\tTabbed"] = 10m,
                ["Paint, \"white\""] = 10m,
                ["Plain"] = 10m,
            },
            sold);
        var refund = Assert.Single(data, row => row[0] == "2026-02-11");
        Assert.Equal("'-Discount bin", refund[1]);
        Assert.StartsWith("-12.5", refund[2], StringComparison.Ordinal);
        Assert.Equal(-12.5m, Number(refund[2]));
        // Quoted only where a cell needs it; a number is never quoted.
        Assert.Contains("\"Paint, \"\"white\"\"\"", csv, StringComparison.Ordinal);
        Assert.Contains(",-12.5", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_a_csv_attachment_named_after_the_name_and_the_range()
    {
        using var named = await ExportAsync(fixture.App.Client, ByProductAndDay, "top products/../x");
        using var unnamed = await ExportAsync(fixture.App.Client, """{ "metrics": ["revenue"], "dimensions": ["product"] }""", null);

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", named.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"top-products----x-2026-02-01-2026-02-11.csv\"",
            named.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("attachment; filename=\"export-all-time.csv\"", unnamed.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task An_export_of_exactly_the_most_rows_is_written_and_one_of_more_is_refused_naming_the_spec()
    {
        const string February = """
            { "metrics": ["revenue"], "dimensions": ["product"],
              "time": { "grain": "day", "range": { "from": "2026-02-01", "to": "2026-02-28" } } }
            """;

        using var fits = await ExportAsync(fixture.App.Client, ByProductAndDay, "sales");
        using var tooMany = await ExportAsync(fixture.App.Client, February, "sales");

        Assert.Equal(ExportApp.MaxRows + 1, CsvText.Parse(await CsvAsync(fits)).Count);
        var problem = await HttpAssert.JsonAsync(tooMany, HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal("spec", problem.GetProperty("field").GetString());
        Assert.Contains($"more than {ExportApp.MaxRows} rows: narrow the range or filters", problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "spec": { "metrics": ["revnue"] } }""", "spec.metrics[0]")]
    [InlineData("""{ "spec": { "metrics": ["revenue"], "limit": 0 } }""", "spec.limit")]
    [InlineData("""{ "spec": { "metric": ["revenue"] } }""", "spec.metric")]
    [InlineData("""{ "name": "sales" }""", "spec")]
    [InlineData("""{ "spec": { "metrics": "revenue" } }""", "spec.metrics")]
    public async Task A_bad_spec_is_a_400_naming_the_field(string body, string field)
    {
        using var response = await PostAsync(fixture.App.Client, body);

        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_viewer_and_a_staff_member_get_403_and_an_anonymous_caller_401()
    {
        using var viewer = await fixture.App.Factory.SignedInClientAsync(Role.Viewer);
        using var staff = await fixture.App.Factory.SignedInClientAsync(Role.Staff, employeeId: "emp-1");
        using var anonymous = fixture.App.Factory.CreateClient();

        using var viewers = await ExportAsync(viewer, ByProductAndDay, "sales");
        using var staffs = await ExportAsync(staff, ByProductAndDay, "sales");
        using var anonymouss = await ExportAsync(anonymous, ByProductAndDay, "sales");

        Assert.Equal(HttpStatusCode.Forbidden, viewers.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymouss.StatusCode);
    }

    [Fact]
    public async Task A_manager_exports_only_their_branches_rows()
    {
        using var elsewhere = await fixture.App.Factory.SignedInClientAsync(Role.Manager, ["loc-elsewhere"]);
        using var here = await fixture.App.Factory.SignedInClientAsync(Role.Manager, ["loc-a"]);

        using var none = await ExportAsync(elsewhere, ByProductAndDay, "sales");
        using var all = await ExportAsync(here, ByProductAndDay, "sales");

        Assert.Single(CsvText.Parse(await CsvAsync(none)));
        Assert.Equal(9, CsvText.Parse(await CsvAsync(all)).Count);
    }

    [Fact]
    public async Task Each_export_is_audited_with_its_name_spec_and_row_count()
    {
        var (_, email, password) = await fixture.App.Factory.CreateUserAsync(Role.Manager, ["loc-a"]);
        using var manager = await fixture.App.Factory.SignInAsync(email, password);

        using var response = await ExportAsync(manager, ByProductAndDay, "audited");
        await CsvAsync(response);

        var audit = fixture.App.Factory.Services.GetRequiredService<AuditLog>();
        var (entries, _) = await audit.ReadAsync(new AuditFilter(AuditActions.CsvExported, null, null, null), 1, 100, CancellationToken.None);
        var entry = Assert.Single(entries, entry => entry.Actor == email);
        Assert.Equal("export.csv", entry.Action);
        Assert.Equal("audited-2026-02-01-2026-02-11.csv", entry.TargetId);
        var details = entry.Details!.Value;
        Assert.Equal("audited", details.GetProperty("name").GetString());
        Assert.Equal(8, details.GetProperty("rows").GetInt32());
        Assert.Equal(["revenue", "units"], details.GetProperty("spec").GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
    }

    private static decimal Number(string cell) => decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<string> CsvAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private static Task<HttpResponseMessage> ExportAsync(HttpClient client, string spec, string? name) =>
        PostAsync(client, $$"""{ "spec": {{spec}}{{(name is null ? "" : $", \"name\": {JsonSerializer.Serialize(name)}")}} }""");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync(new Uri("/api/export/csv", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
