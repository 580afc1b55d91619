using System.Net;
using System.Text;
using System.Text.Json;

namespace Northstar.Server.Tests.Support;

/// <summary><c>POST /api/query/batch</c> from a test: the answer lines (NDJSON) of a 200 response.</summary>
public static class BatchLines
{
    /// <summary>Posts <paramref name="body"/> (<c>{ "queries": [...] }</c>) and returns its lines, asserting a 200.</summary>
    public static async Task<List<JsonElement>> PostAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync(
            new Uri("/api/query/batch", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>The answer of each line, by its id, asserting that every line has one (no error line).</summary>
    public static Dictionary<string, JsonElement> Answers(IEnumerable<JsonElement> lines) =>
        lines.ToDictionary(line => line.GetProperty("id").GetString()!, line =>
        {
            Assert.True(line.TryGetProperty("answer", out var answer) && answer.ValueKind == JsonValueKind.Object, line.GetRawText());
            return answer;
        });
}
