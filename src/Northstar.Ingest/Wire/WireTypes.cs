namespace Northstar.Ingest.Wire;

/// <summary>The wire record type of each entity.</summary>
public static class WireTypes
{
    /// <summary>The record type events of <paramref name="kind"/> deserialize to.</summary>
    public static Type Of(EntityKind kind) => kind switch
    {
        EntityKind.Locations => typeof(LocationEvent),
        EntityKind.Employees => typeof(EmployeeEvent),
        EntityKind.Customers => typeof(CustomerEvent),
        EntityKind.Products => typeof(ProductEvent),
        EntityKind.Campaigns => typeof(CampaignEvent),
        EntityKind.Orders => typeof(OrderEvent),
        EntityKind.Leads => typeof(LeadEvent),
        EntityKind.Appointments => typeof(AppointmentEvent),
        EntityKind.Jobs => typeof(JobEvent),
        EntityKind.Tickets => typeof(TicketEvent),
        EntityKind.Calls => typeof(CallEvent),
        EntityKind.CanvassDoors => typeof(CanvassDoorEvent),
        EntityKind.MarketingSpend => typeof(MarketingSpendEvent),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity."),
    };
}
