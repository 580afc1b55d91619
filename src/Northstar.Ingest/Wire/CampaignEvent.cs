namespace Northstar.Ingest.Wire;

/// <summary>A marketing campaign on a channel (canvassing, telemarketing, web, referral, tv, direct_mail...).</summary>
public sealed record CampaignEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string Name,
    string Channel,
    DateOnly? StartedOn = null,
    DateOnly? EndedOn = null,
    decimal? Budget = null) : IWireEvent;
