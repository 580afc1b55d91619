using System.Net;
using System.Text;
using System.Text.Json;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Ingest;

/// <summary>
/// The webhook ingest scenarios, each run on both engines by <see cref="DuckDbIngestApiTests"/> and
/// <see cref="PostgresIngestApiTests"/>.
/// </summary>
public static class IngestScenarios
{
    private const string Bronze = "bronze.events";

    public static async Task A_signed_event_is_acknowledged_and_in_bronze(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);

        var body = await HttpAssert.JsonAsync(
            await app.PostSignedAsync("orders", SampleEvents.Json(SampleEvents.Order("ord-1"))), HttpStatusCode.OK);

        Assert.Equal("orders", body.GetProperty("entity").GetString());
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(0, result.GetProperty("index").GetInt32());
        Assert.Equal("ord-1", result.GetProperty("id").GetString());
        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Equal(1, await app.CountAsync(Bronze,
            $"source = '{IngestApp.Source}' and entity = 'orders' and external_id = 'ord-1'"));
    }

    public static async Task Unsigned_badly_signed_or_expired_requests_get_401_and_write_nothing(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        var json = SampleEvents.Json(SampleEvents.Order("ord-1"));
        var tooOld = IngestApp.Now.AddMinutes(-5).AddSeconds(-1);
        var tooNew = IngestApp.Now.AddMinutes(5).AddSeconds(1);
        var tampered = SignedRequest.Create("orders", json, IngestApp.Source, IngestApp.Secret, IngestApp.Now);
        tampered.Content = new StringContent(json.Replace("ord-1", "ord-2", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        HttpRequestMessage[] requests =
        [
            SignedRequest.Unsigned("orders", Encoding.UTF8.GetBytes(json)),
            SignedRequest.Create("orders", json, IngestApp.Source, "a-different-secret-0123456789abcdef012345", IngestApp.Now),
            SignedRequest.Create("orders", json, "unknown-source", IngestApp.Secret, IngestApp.Now),
            SignedRequest.Create("orders", json, IngestApp.Source, IngestApp.Secret, tooOld),
            SignedRequest.Create("orders", json, IngestApp.Source, IngestApp.Secret, tooNew),
            tampered,
        ];

        foreach (var request in requests)
        {
            var problem = await ProblemAsync(await app.Client.SendAsync(request), HttpStatusCode.Unauthorized);
            Assert.Contains("signature is invalid or expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(IngestApp.Secret, problem.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.CountAsync(Bronze));
        // The same request, signed now, is accepted: the refusals above were about the signature only.
        await HttpAssert.JsonAsync(await app.PostSignedAsync("orders", json), HttpStatusCode.OK);
        Assert.Equal(1, await app.CountAsync(Bronze));
    }

    public static async Task The_same_event_three_times_is_one_bronze_row_then_duplicates(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        var json = SampleEvents.Json(SampleEvents.Order("ord-1"));

        var statuses = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var body = await HttpAssert.JsonAsync(await app.PostSignedAsync("orders", json), HttpStatusCode.OK);
            statuses.Add(FirstStatus(body));
        }

        Assert.Equal(["accepted", "duplicate", "duplicate"], statuses);
        Assert.Equal(1, await app.CountAsync(Bronze, "external_id = 'ord-1'"));
    }

    public static async Task Concurrent_deliveries_of_one_event_store_it_once(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        var json = SampleEvents.Json(SampleEvents.Order("ord-1"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.PostSignedAsync("orders", json)));

        var statuses = new List<string?>();
        foreach (var response in responses)
            statuses.Add(FirstStatus(await HttpAssert.JsonAsync(response, HttpStatusCode.OK)));
        Assert.Single(statuses, "accepted");
        Assert.Equal(7, statuses.Count(status => status == "duplicate"));
        Assert.Equal(1, await app.CountAsync(Bronze, "external_id = 'ord-1'"));
    }

    public static async Task Concurrent_batches_sharing_events_store_each_once_and_answer_every_event_of_every_request(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        const int Requests = 24;
        const int Shared = 6;

        // Sent at once, so that the accepts are committed together: each batch holds an event that other batches hold
        // too, a second delivery of it in the same batch, an event of its own and an invalid one.
        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(r => app.PostSignedAsync("orders",
            SampleEvents.JsonArray(
                SampleEvents.Order($"ord-shared-{r % Shared}"),
                SampleEvents.Order($"ord-own-{r}"),
                SampleEvents.Order($"ord-shared-{r % Shared}"),
                SampleEvents.Order($"ord-bad-{r}", quantity: 0)))));

        var sharedAccepted = new List<string?>();
        foreach (var response in responses)
        {
            var body = await HttpAssert.JsonAsync(response, HttpStatusCode.MultiStatus);
            var results = body.GetProperty("results");
            var sharedIsNew = FirstStatus(body) == "accepted";
            Assert.Equal(sharedIsNew ? 2 : 1, body.GetProperty("accepted").GetInt32());
            Assert.Equal(sharedIsNew ? 1 : 2, body.GetProperty("duplicates").GetInt32());
            Assert.Equal(1, body.GetProperty("invalid").GetInt32());
            Assert.Equal("accepted", results[1].GetProperty("status").GetString());
            Assert.Equal("duplicate", results[2].GetProperty("status").GetString());
            Assert.Equal("invalid", results[3].GetProperty("status").GetString());
            Assert.Equal("line_items[0].quantity", results[3].GetProperty("errors")[0].GetProperty("field").GetString());
            if (sharedIsNew)
                sharedAccepted.Add(results[0].GetProperty("id").GetString());
            else
                Assert.Equal("duplicate", FirstStatus(body));
        }

        // Each shared event was accepted by exactly one request, and is one bronze row.
        Assert.Equal(Enumerable.Range(0, Shared).Select(i => $"ord-shared-{i}"), sharedAccepted.Order(StringComparer.Ordinal));
        Assert.Equal(Shared + Requests, await app.CountAsync(Bronze));
        Assert.Equal(Shared, await app.CountAsync(Bronze, "external_id like 'ord-shared-%'"));
        Assert.Equal(0, await app.CountAsync(Bronze, "external_id like 'ord-bad-%'"));
    }

    public static async Task An_idempotency_key_makes_redeliveries_duplicates_and_is_refused_on_a_batch(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);

        var first = await HttpAssert.JsonAsync(
            await app.PostSignedAsync("orders", SampleEvents.Json(SampleEvents.Order("ord-1")), "delivery-42"), HttpStatusCode.OK);
        // The same key with a changed body is the same delivery, retried: not stored again.
        var again = await HttpAssert.JsonAsync(
            await app.PostSignedAsync("orders", SampleEvents.Json(SampleEvents.Order("ord-1", quantity: 3)), "delivery-42"),
            HttpStatusCode.OK);
        var batch = await ProblemAsync(
            await app.PostSignedAsync("orders", SampleEvents.JsonArray(SampleEvents.Order("ord-2")), "delivery-43"),
            HttpStatusCode.BadRequest);

        Assert.Equal("accepted", FirstStatus(first));
        Assert.Equal("duplicate", FirstStatus(again));
        Assert.Equal("Idempotency-Key", batch.GetProperty("field").GetString());
        Assert.Equal(1, await app.CountAsync(Bronze));
    }

    public static async Task A_batch_with_one_invalid_event_stores_the_others_and_names_the_bad_one(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        var json = SampleEvents.JsonArray(
            SampleEvents.Order("ord-1"), SampleEvents.Order("ord-2", quantity: 0), SampleEvents.Order("ord-3"));

        var body = await HttpAssert.JsonAsync(await app.PostSignedAsync("orders", json), HttpStatusCode.MultiStatus);

        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("invalid").GetInt32());
        var results = body.GetProperty("results");
        Assert.Equal(["accepted", "invalid", "accepted"], results.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(1, results[1].GetProperty("index").GetInt32());
        Assert.Equal("ord-2", results[1].GetProperty("id").GetString());
        Assert.Contains(results[1].GetProperty("errors").EnumerateArray(),
            error => error.GetProperty("field").GetString() == "line_items[0].quantity");
        Assert.Equal(2, await app.CountAsync(Bronze));
        Assert.Equal(0, await app.CountAsync(Bronze, "external_id = 'ord-2'"));
    }

    public static async Task A_request_whose_events_are_all_invalid_is_a_400_naming_entity_index_and_field(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        var json = SampleEvents.JsonArray(SampleEvents.Order("ord-1", quantity: 0), SampleEvents.Order("ord-2", quantity: -1));

        var problem = await ProblemAsync(await app.PostSignedAsync("orders", json), HttpStatusCode.BadRequest);

        Assert.Equal("orders", problem.GetProperty("entity").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        var named = errors.Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((0, "line_items[0].quantity"), named);
        Assert.Contains((1, "line_items[0].quantity"), named);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.Equal(0, await app.CountAsync(Bronze));
    }

    public static async Task Bodies_and_batches_over_the_limits_are_413s_that_name_the_limit(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine, new Dictionary<string, string?>
        {
            ["Northstar:Ingest:MaxBodyBytes"] = "4096",
            ["Northstar:Ingest:MaxEventsPerRequest"] = "3",
        });
        var padded = SampleEvents.Json(SampleEvents.Order("ord-1"))
            .Replace("{", "{\"note\":\"" + new string('x', 5000) + "\",", StringComparison.Ordinal);
        var fourEvents = SampleEvents.JsonArray(Enumerable.Range(1, 4).Select(i => (object)SampleEvents.Order($"ord-{i}")).ToArray());

        var tooLarge = await ProblemAsync(await app.PostSignedAsync("orders", padded), HttpStatusCode.RequestEntityTooLarge);
        var tooMany = await ProblemAsync(await app.PostSignedAsync("orders", fourEvents), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("4,096 bytes", tooLarge.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("the limit is 3", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync(Bronze));
    }

    public static async Task Unknown_entities_malformed_json_and_non_events_are_named_problems(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);

        var unknown = await ProblemAsync(
            await app.PostSignedAsync("invoices", SampleEvents.Json(SampleEvents.Order("ord-1"))), HttpStatusCode.NotFound);
        var malformed = await ProblemAsync(
            await app.PostSignedAsync("orders", "{\n  \"id\": \"ord-1\",\n  \"updated_at\": }"), HttpStatusCode.BadRequest);
        var scalar = await ProblemAsync(await app.PostSignedAsync("orders", "42"), HttpStatusCode.BadRequest);

        Assert.Contains("\"invoices\"", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("canvass_doors", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 3", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("JSON object", scalar.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(malformed.TryGetProperty("traceId", out _));
        Assert.Equal(0, await app.CountAsync(Bronze));
    }

    public static async Task An_accepted_order_is_processed_into_silver_and_gold(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);

        await HttpAssert.JsonAsync(await app.PostSignedAsync("orders", SampleEvents.Json(SampleEvents.Order("ord-1"))), HttpStatusCode.OK);

        await app.WaitForRowsAsync("silver.orders", "external_id = 'ord-1'", 1);
        await app.WaitForRowsAsync("gold.fact_orders", "order_id = 'ord-1'", 1);
    }

    public static async Task Events_that_cannot_be_applied_are_listed_as_quality_issues(TestEngine engine)
    {
        await using var app = await IngestApp.StartAsync(engine);
        // Written to bronze behind the API's back (as an older version or a manual load could), so it fails processing.
        await app.ExecuteAsync("""
            insert into bronze.events (source, entity, external_id, idempotency_key, content_hash, payload)
            values ('legacy', 'invoices', 'inv-1', 'legacy:invoices:inv-1', repeat('0', 64), '{"id": "inv-1"}')
            """);

        await HttpAssert.JsonAsync(await app.PostSignedAsync("orders", SampleEvents.Json(SampleEvents.Order("ord-1"))), HttpStatusCode.OK);
        var issue = await WaitForQualityIssueAsync(app.Client);
        var badLimit = await ProblemAsync(
            await app.Client.GetAsync(new Uri("/api/ingest/quality?limit=0", UriKind.Relative)), HttpStatusCode.BadRequest);

        Assert.Equal("legacy", issue.GetProperty("source").GetString());
        Assert.Equal("invoices", issue.GetProperty("entity").GetString());
        Assert.Equal("inv-1", issue.GetProperty("externalId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("reason").GetString()));
        Assert.Equal("limit", badLimit.GetProperty("field").GetString());
        await app.WaitForRowsAsync("silver.orders", "external_id = 'ord-1'", 1);
    }

    /// <summary>Reads the quality endpoint until it lists an issue, for at most 60 seconds.</summary>
    private static async Task<JsonElement> WaitForQualityIssueAsync(HttpClient client)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var issues = await HttpAssert.JsonAsync(
                await client.GetAsync(new Uri("/api/ingest/quality", UriKind.Relative), CancellationToken.None), HttpStatusCode.OK);
            if (issues.GetArrayLength() > 0)
                return Assert.Single(issues.EnumerateArray());
            Assert.False(deadline.IsCancellationRequested, "GET /api/ingest/quality listed no issue within 60 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status) =>
        HttpAssert.JsonAsync(response, status, "application/problem+json");

    private static string? FirstStatus(JsonElement body) => body.GetProperty("results")[0].GetProperty("status").GetString();
}
