namespace Northstar.Ingest.Wire;

/// <summary>Something sold, in a category (Paint, Tools, Flooring...).</summary>
public sealed record ProductEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string Name,
    string Category = "Uncategorized",
    string? Subcategory = null,
    string? Sku = null,
    decimal? UnitPrice = null,
    decimal? UnitCost = null,
    bool IsActive = true) : IWireEvent;
