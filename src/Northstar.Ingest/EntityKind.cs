namespace Northstar.Ingest;

/// <summary>The kinds of record a source can send. Each has one wire format (<c>Wire/</c>) and one silver table.</summary>
public enum EntityKind
{
    Locations,
    Employees,
    Customers,
    Products,
    Campaigns,
    Orders,
    Leads,
    Appointments,
    Jobs,
    Tickets,
    Calls,
    CanvassDoors,
    MarketingSpend,
}

/// <summary>The names entities go by on the wire: in URLs (<c>/api/ingest/{entity}</c>), CLI verbs and bronze rows.</summary>
public static class EntityNames
{
    private static readonly Dictionary<string, EntityKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["locations"] = EntityKind.Locations,
        ["employees"] = EntityKind.Employees,
        ["customers"] = EntityKind.Customers,
        ["products"] = EntityKind.Products,
        ["campaigns"] = EntityKind.Campaigns,
        ["orders"] = EntityKind.Orders,
        ["leads"] = EntityKind.Leads,
        ["appointments"] = EntityKind.Appointments,
        ["jobs"] = EntityKind.Jobs,
        ["tickets"] = EntityKind.Tickets,
        ["calls"] = EntityKind.Calls,
        ["canvass_doors"] = EntityKind.CanvassDoors,
        ["marketing_spend"] = EntityKind.MarketingSpend,
    };

    /// <summary>Every wire name, in the order dependencies load best (dimensions before facts).</summary>
    public static IReadOnlyCollection<string> All => ByName.Keys;

    /// <summary>The wire name of an entity, e.g. <c>canvass_doors</c>.</summary>
    public static string Of(EntityKind kind) => ByName.First(pair => pair.Value == kind).Key;

    /// <summary>Parses a wire name, case-insensitively.</summary>
    public static bool TryParse(string? name, out EntityKind kind) => ByName.TryGetValue(name ?? "", out kind);
}
