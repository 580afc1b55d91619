using System.Net;
using System.Text;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Authorization;

/// <summary>
/// A subject that declares no scope column at all is visible to Super Admins only (fail closed): every other role's query
/// of it is refused without SQL, and <c>GET /api/model</c> does not list it for them. The app runs here on the shipped
/// model plus one such subject over business data (<c>ticket_log</c>, over the service tickets), whose rows the demo has.
/// </summary>
public static class UnscopedSubjectScenarios
{
    private const string UnscopedModel = """
        # A subject without a scope column, for the test that it is shown to Super Admins only.
        subjects:
          ticket_log:
            label: Ticket log
            table: gold.fact_tickets
            data_subject: service
            time:
              opened_date: { label: Opened date, date: local_date }
            measures:
              logged_tickets:
                label: Logged tickets
                count: true
        """;

    private const string Spec = """{ "metrics": ["logged_tickets"] }""";

    public static async Task A_subject_without_a_scope_column_is_for_super_admins_only(TestEngine engine)
    {
        using var model = new TempFolder();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "model"), "*.yaml"))
            File.Copy(file, Path.Combine(model.Path, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(model.Path, "unscoped.yaml"), UnscopedModel);
        await using var app = await IngestApp.StartAsync(engine, new Dictionary<string, string?> { ["Northstar:Model:Path"] = model.Path });
        var others = new Dictionary<Role, HttpClient>
        {
            [Role.Manager] = await app.Factory.SignedInClientAsync(Role.Manager, ["b1"]),
            [Role.Staff] = await app.Factory.SignedInClientAsync(Role.Staff, employeeId: "emp-1"),
            [Role.Viewer] = await app.Factory.SignedInClientAsync(Role.Viewer),
        };

        try
        {
            var admins = await HttpAssert.JsonAsync(await PostAsync(app.Client, Spec), HttpStatusCode.OK);
            Assert.Equal(await app.CountAsync("gold.fact_tickets"), admins.GetProperty("totals").GetProperty("logged_tickets").GetInt64());
            Assert.Contains("ticket_log", await SubjectsAsync(app.Client));
            foreach (var (role, client) in others)
            {
                var refused = await HttpAssert.JsonAsync(
                    await PostAsync(client, Spec), HttpStatusCode.BadRequest, "application/problem+json");

                Assert.Equal("metrics[0]", refused.GetProperty("field").GetString());
                Assert.DoesNotContain("fact_tickets", refused.GetRawText(), StringComparison.Ordinal);
                Assert.DoesNotContain("select", refused.GetRawText(), StringComparison.OrdinalIgnoreCase);
                Assert.False((await SubjectsAsync(client)).Contains("ticket_log"), $"the model lists ticket_log to a {role}");
            }
        }
        finally
        {
            foreach (var client in others.Values)
                client.Dispose();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string spec) =>
        client.PostAsync(new Uri("/api/query", UriKind.Relative), new StringContent(spec, Encoding.UTF8, "application/json"));

    private static async Task<List<string>> SubjectsAsync(HttpClient client)
    {
        var model = await HttpAssert.JsonAsync(await client.GetAsync(new Uri("/api/model", UriKind.Relative)), HttpStatusCode.OK);
        return [.. model.GetProperty("subjects").EnumerateArray().Select(subject => subject.GetProperty("name").GetString()!)];
    }
}
