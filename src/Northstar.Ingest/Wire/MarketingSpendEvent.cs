namespace Northstar.Ingest.Wire;

/// <summary>Money spent on a channel (and campaign, and branch when known) on one day.</summary>
public sealed record MarketingSpendEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    DateOnly SpendDate,
    string Channel,
    decimal Amount,
    string? CampaignId = null,
    string? LocationId = null,
    long? Impressions = null,
    long? Clicks = null) : IWireEvent;
