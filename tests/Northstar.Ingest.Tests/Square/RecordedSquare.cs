using System.Text.Json.Nodes;

namespace Northstar.Ingest.Tests.Square;

/// <summary>
/// Serves the recorded pages in Pages/ the way SearchOrders would: the first request (no cursor) gets page 1, a cursor
/// gets the page it points to, and orders updated before the query's start_at are left out, so a run that starts from
/// a watermark begins at the first page still holding newer orders.
/// </summary>
internal static class RecordedSquare
{
    public static readonly IReadOnlyList<(string? Cursor, JsonObject Page)> Pages =
    [
        (null, Load("page-1.json")),
        ("CURSOR-2", Load("page-2.json")),
        ("CURSOR-3", Load("page-3.json")),
    ];

    public static SquareReply Serve(SquareCall call)
    {
        var start = call.StartAt is { } text ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var index = call.Cursor is null
            ? Pages.ToList().FindIndex(page => Orders(page.Page).Any(order => UpdatedAt(order) >= start))
            : Pages.ToList().FindIndex(page => page.Cursor == call.Cursor);
        if (index < 0)
            return new SquareReply(200, "{}");

        var page = (JsonObject)Pages[index].Page.DeepClone();
        var kept = new JsonArray([.. Orders(page).Where(order => UpdatedAt(order) >= start).Select(order => order.DeepClone())]);
        page["orders"] = kept;
        return new SquareReply(200, page.ToJsonString());
    }

    /// <summary>The raw JSON of one recorded page, copied next to the test assembly by the build.</summary>
    public static string Text(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Square", "Pages", fileName));

    private static JsonObject Load(string fileName) => (JsonObject)JsonNode.Parse(Text(fileName))!;

    private static IEnumerable<JsonNode> Orders(JsonObject page) => page["orders"]!.AsArray().Select(order => order!);

    private static DateTimeOffset UpdatedAt(JsonNode order) => order["updated_at"]!.GetValue<DateTimeOffset>();
}
