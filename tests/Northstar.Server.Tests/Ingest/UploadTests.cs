using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Ingest;

/// <summary>
/// <c>POST /api/ingest/files/{entity}</c> on both engines, each test on a warehouse of its own: what lands in gold
/// (checked with plain SQL), idempotency, bad rows, limits, multipart forms, options, roles and the audit entry.
/// </summary>
public sealed class UploadTests
{
    // A branch's export with its own column names, semicolons, a decimal comma, local dates, a BOM and CRLF line ends.
    private const string Orders =
        "\uFEFFOrderNo;Branch;When;Qty;Price;LineTotal;Total\r\n" +
        "A-1;loc-1;20261101;2;3,50;7,00;17,00\r\n" +
        "A-1;loc-1;20261101;1;10,00;10,00;17,00\r\n" +
        "A-2;loc-1;20261102;1;5,25;5,25;5,25\r\n";

    private const string BadRow = "A-3;loc-1;yesterday;1;5,00;5,00;5,00\r\n";

    private static readonly string Mapping = string.Join('&',
        new[]
        {
            "id=OrderNo", "location_id=Branch", "ordered_at=When", "line_items.quantity=Qty", "line_items.unit_price=Price",
            "line_items.line_total=LineTotal", "total=Total",
        }.Select(map => "map=" + Uri.EscapeDataString(map)))
        + "&dateFormat=yyyyMMdd&decimalSeparator=,&timeZone=America/Chicago";

    [Fact]
    public Task A_semicolon_csv_with_bom_and_crlf_lands_in_gold_once_however_often_it_is_uploaded_on_duckdb() =>
        A_semicolon_csv_with_bom_and_crlf_lands_in_gold_once_however_often_it_is_uploaded(TestEngine.DuckDb);

    [PostgresFact]
    public Task A_semicolon_csv_with_bom_and_crlf_lands_in_gold_once_however_often_it_is_uploaded_on_postgres() =>
        A_semicolon_csv_with_bom_and_crlf_lands_in_gold_once_however_often_it_is_uploaded(TestEngine.Postgres);

    [Fact]
    public Task A_bad_row_fails_the_upload_with_line_and_column_and_skip_writes_the_good_rows_on_duckdb() =>
        A_bad_row_fails_the_upload_with_line_and_column_and_skip_writes_the_good_rows(TestEngine.DuckDb);

    [PostgresFact]
    public Task A_bad_row_fails_the_upload_with_line_and_column_and_skip_writes_the_good_rows_on_postgres() =>
        A_bad_row_fails_the_upload_with_line_and_column_and_skip_writes_the_good_rows(TestEngine.Postgres);

    [Fact]
    public Task Files_over_the_size_or_line_limits_are_refused_naming_the_limit_and_write_nothing_on_duckdb() =>
        Files_over_the_size_or_line_limits_are_refused_naming_the_limit_and_write_nothing(TestEngine.DuckDb);

    [PostgresFact]
    public Task Files_over_the_size_or_line_limits_are_refused_naming_the_limit_and_write_nothing_on_postgres() =>
        Files_over_the_size_or_line_limits_are_refused_naming_the_limit_and_write_nothing(TestEngine.Postgres);

    [Fact]
    public Task A_multipart_form_imports_its_file_part_under_the_part_name_on_duckdb() =>
        A_multipart_form_imports_its_file_part_under_the_part_name(TestEngine.DuckDb);

    [PostgresFact]
    public Task A_multipart_form_imports_its_file_part_under_the_part_name_on_postgres() =>
        A_multipart_form_imports_its_file_part_under_the_part_name(TestEngine.Postgres);

    [Fact]
    public Task Bad_options_are_400s_naming_the_option_and_an_unknown_entity_is_a_404_on_duckdb() =>
        Bad_options_are_400s_naming_the_option_and_an_unknown_entity_is_a_404(TestEngine.DuckDb);

    [PostgresFact]
    public Task Bad_options_are_400s_naming_the_option_and_an_unknown_entity_is_a_404_on_postgres() =>
        Bad_options_are_400s_naming_the_option_and_an_unknown_entity_is_a_404(TestEngine.Postgres);

    [Fact]
    public Task Only_a_super_admin_may_upload_on_duckdb() => Only_a_super_admin_may_upload(TestEngine.DuckDb);

    [PostgresFact]
    public Task Only_a_super_admin_may_upload_on_postgres() => Only_a_super_admin_may_upload(TestEngine.Postgres);

    private static async Task A_semicolon_csv_with_bom_and_crlf_lands_in_gold_once_however_often_it_is_uploaded(TestEngine engine)
    {
        await using var app = await UploadApp.StartAsync(engine);
        var admin = await app.Factory.SignedInClientAsync(Role.SuperAdmin);

        var url = $"/api/ingest/files/orders?{Mapping}&fileName=orders.csv";
        var first = await HttpAssert.JsonAsync(await admin.PostAsync(url, Csv(Orders)), HttpStatusCode.OK);
        var afterFirst = await app.GoldSalesAsync();
        var second = await HttpAssert.JsonAsync(await admin.PostAsync(url, Csv(Orders)), HttpStatusCode.OK);

        Assert.Equal("orders", first.GetProperty("entity").GetString());
        Assert.Equal("orders.csv", first.GetProperty("fileName").GetString());
        Assert.Equal(3, first.GetProperty("rows").GetInt64());
        Assert.Equal(2, first.GetProperty("accepted").GetInt64());
        Assert.Equal(0, first.GetProperty("duplicates").GetInt64());
        Assert.Equal(0, first.GetProperty("skipped").GetInt64());
        Assert.Equal(0, first.GetProperty("issueCount").GetInt64());
        Assert.Equal(2, first.GetProperty("processed").GetInt64());
        Assert.Equal((3, 22.25m), afterFirst);
        Assert.Equal(0, second.GetProperty("accepted").GetInt64());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt64());
        Assert.Equal((3, 22.25m), await app.GoldSalesAsync());
        Assert.Equal(2, await app.ScalarAsync("select count(*) from bronze.events"));
        Assert.Equal(2, await app.ScalarAsync("select count(distinct order_id) from gold.fact_orders"));

        var audit = await HttpAssert.JsonAsync(await admin.GetAsync("/api/audit?action=file.imported"), HttpStatusCode.OK);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var details = entries[^1].GetProperty("details");
        Assert.Equal("orders", details.GetProperty("entity").GetString());
        Assert.Equal("orders.csv", details.GetProperty("fileName").GetString());
        Assert.Equal(3, details.GetProperty("rows").GetInt64());
        Assert.Equal(2, details.GetProperty("accepted").GetInt64());
        Assert.Equal(0, details.GetProperty("skipped").GetInt64());
        Assert.DoesNotContain("A-1", details.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task A_bad_row_fails_the_upload_with_line_and_column_and_skip_writes_the_good_rows(TestEngine engine)
    {
        await using var app = await UploadApp.StartAsync(engine);
        var admin = await app.Factory.SignedInClientAsync(Role.SuperAdmin);

        var failed = await HttpAssert.JsonAsync(
            await admin.PostAsync($"/api/ingest/files/orders?{Mapping}&fileName=orders.csv", Csv(Orders + BadRow)),
            HttpStatusCode.BadRequest, "application/problem+json");
        var bronzeAfterFailure = await app.ScalarAsync("select count(*) from bronze.events");
        var skipped = await HttpAssert.JsonAsync(
            await admin.PostAsync($"/api/ingest/files/orders?{Mapping}&fileName=orders.csv&onError=skip", Csv(Orders + BadRow)),
            HttpStatusCode.OK);

        var issue = Assert.Single(failed.GetProperty("issues").EnumerateArray());
        Assert.Equal(5, issue.GetProperty("line").GetInt64());
        Assert.Equal("When", issue.GetProperty("column").GetString());
        Assert.Contains("'yesterday' is not a date", issue.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, failed.GetProperty("issueCount").GetInt64());
        Assert.Contains("nothing was imported", failed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, bronzeAfterFailure);
        Assert.Equal(4, skipped.GetProperty("rows").GetInt64());
        Assert.Equal(2, skipped.GetProperty("accepted").GetInt64());
        Assert.Equal(1, skipped.GetProperty("skipped").GetInt64());
        Assert.Equal(5, Assert.Single(skipped.GetProperty("issues").EnumerateArray()).GetProperty("line").GetInt64());
        Assert.Equal((3, 22.25m), await app.GoldSalesAsync());
    }

    private static async Task Files_over_the_size_or_line_limits_are_refused_naming_the_limit_and_write_nothing(TestEngine engine)
    {
        await using var app = await UploadApp.StartAsync(engine, new()
        {
            ["Northstar:Ingest:Files:MaxFileBytes"] = "200",
            ["Northstar:Ingest:Files:MaxLineBytes"] = "64",
        });
        var admin = await app.Factory.SignedInClientAsync(Role.SuperAdmin);
        var big = Orders + string.Concat(Enumerable.Repeat("A-9;loc-1;20261103;1;1,00;1,00;1,00\r\n", 4));
        var longLine = "OrderNo;Branch;When;Qty;Price;LineTotal;Total\r\nA-1;loc-1;20261101;2;3,50;7,00;" + new string('7', 60) + "\r\n";

        var tooBig = await HttpAssert.JsonAsync(
            await admin.PostAsync($"/api/ingest/files/orders?{Mapping}", Csv(big)),
            HttpStatusCode.RequestEntityTooLarge, "application/problem+json");
        var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var tooBigWithoutLength = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/ingest/files/orders?{Mapping}")
        {
            Content = new ChunkedContent(streamed),
        });
        var tooLong = await HttpAssert.JsonAsync(
            await admin.PostAsync($"/api/ingest/files/orders?{Mapping}", Csv(longLine)),
            HttpStatusCode.BadRequest, "application/problem+json");

        Assert.True(Encoding.UTF8.GetByteCount(big) > 200);
        Assert.Contains(
            "200 bytes (Northstar:Ingest:Files:MaxFileBytes)", tooBig.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBigWithoutLength.StatusCode);
        Assert.Contains("longer than the limit of 64 bytes", tooLong.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.ScalarAsync("select count(*) from bronze.events"));
    }

    private static async Task A_multipart_form_imports_its_file_part_under_the_part_name(TestEngine engine)
    {
        await using var app = await UploadApp.StartAsync(engine);
        var admin = await app.Factory.SignedInClientAsync(Role.SuperAdmin);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a note the form also sends"), "comment" },
            { Csv(Orders), "file", "branch-export.csv" },
        };
        using var noFile = new MultipartFormDataContent { { new StringContent("no file here"), "comment" } };

        var imported = await HttpAssert.JsonAsync(await admin.PostAsync($"/api/ingest/files/orders?{Mapping}", form), HttpStatusCode.OK);
        var missing = await HttpAssert.JsonAsync(
            await admin.PostAsync($"/api/ingest/files/orders?{Mapping}", noFile), HttpStatusCode.BadRequest, "application/problem+json");

        Assert.Equal("branch-export.csv", imported.GetProperty("fileName").GetString());
        Assert.Equal(2, imported.GetProperty("accepted").GetInt64());
        Assert.Equal((3, 22.25m), await app.GoldSalesAsync());
        Assert.True(missing.GetProperty("errors").TryGetProperty("file", out _), missing.GetRawText());
    }

    private static async Task Bad_options_are_400s_naming_the_option_and_an_unknown_entity_is_a_404(TestEngine engine)
    {
        await using var app = await UploadApp.StartAsync(engine);
        var admin = await app.Factory.SignedInClientAsync(Role.SuperAdmin);

        foreach (var (query, field) in new[]
        {
            ($"{Mapping}&timeZone=Mars/Olympus_Mons", "timeZone"),
            ($"{Mapping}&delimiter=;;", "delimiter"),
            ($"{Mapping}&map=no-equals-sign", "map"),
            ($"{Mapping}&onError=ignore", "onError"),
            ($"{Mapping}&format=xlsx", "format"),
        })
        {
            var problem = await HttpAssert.JsonAsync(
                await admin.PostAsync($"/api/ingest/files/orders?{query}", Csv(Orders)),
                HttpStatusCode.BadRequest, "application/problem+json");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem.GetRawText()}");
        }

        var json = await HttpAssert.JsonAsync(
            await admin.PostAsync($"/api/ingest/files/orders?{Mapping}", new StringContent("{}", Encoding.UTF8, "application/json")),
            HttpStatusCode.UnsupportedMediaType, "application/problem+json");
        Assert.Contains("text/csv", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var openApi = await HttpAssert.JsonAsync(await admin.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var content = openApi.GetProperty("paths").GetProperty("/api/ingest/files/{entity}").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("multipart/form-data", out _), content.GetRawText());

        var unknown = await HttpAssert.JsonAsync(
            await admin.PostAsync("/api/ingest/files/widgets", Csv(Orders)), HttpStatusCode.NotFound, "application/problem+json");
        Assert.Contains("orders", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.ScalarAsync("select count(*) from bronze.events"));
    }

    private static async Task Only_a_super_admin_may_upload(TestEngine engine)
    {
        await using var app = await UploadApp.StartAsync(engine);

        foreach (var role in new[] { Role.Manager, Role.Staff, Role.Viewer })
        {
            var client = await app.Factory.SignedInClientAsync(role, ["loc-1"], role == Role.Staff ? "emp-1" : null);
            var response = await client.PostAsync($"/api/ingest/files/orders?{Mapping}", Csv(Orders));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {(int)response.StatusCode}");
        }

        var anonymous = await app.Factory.CreateClient().PostAsync($"/api/ingest/files/orders?{Mapping}", Csv(Orders));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await app.ScalarAsync("select count(*) from bronze.events"));
    }

    private static StringContent Csv(string text) => new(text, new UTF8Encoding(false), "text/csv");

    /// <summary>Sends its content without a Content-Length, as a client streaming a file of unknown size does.</summary>
    private sealed class ChunkedContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The real app on a warehouse of the test's own, with plain-SQL reads of it.</summary>
    private sealed class UploadApp : IAsyncDisposable
    {
        private readonly TempFolder? _folder;
        private readonly PostgresTestDatabase? _database;

        private UploadApp(NorthstarAppFactory factory, TempFolder? folder, PostgresTestDatabase? database)
        {
            Factory = factory;
            _folder = folder;
            _database = database;
        }

        public NorthstarAppFactory Factory { get; }

        public static async Task<UploadApp> StartAsync(TestEngine engine, Dictionary<string, string?>? extraSettings = null)
        {
            var (settings, folder, database) = await NorthstarAppFactory.OwnWarehouseAsync(engine);
            foreach (var (key, value) in extraSettings ?? [])
                settings[key] = value;
            return new UploadApp(new NorthstarAppFactory(settings), folder, database);
        }

        /// <summary>The order lines in gold and their net amount, by plain SQL.</summary>
        public async Task<(long Lines, decimal Net)> GoldSalesAsync()
        {
            await using DbConnection connection = await Factory.Services.GetRequiredService<IWarehouse>().OpenWriteConnectionAsync();
            return await connection.QuerySingleAsync<(long, decimal)>("select count(*), coalesce(sum(net_amount), 0) from gold.fact_sales");
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using DbConnection connection = await Factory.Services.GetRequiredService<IWarehouse>().OpenWriteConnectionAsync();
            return await connection.ExecuteScalarAsync<long>(sql);
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            _folder?.Dispose();
            if (_database is not null)
                await _database.DisposeAsync();
        }
    }
}
