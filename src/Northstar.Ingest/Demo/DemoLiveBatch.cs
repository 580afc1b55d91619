using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo;

/// <summary>A few new events for "now", with fresh ids, for the live demo to send through the webhook path.</summary>
public sealed record DemoLiveBatch(
    IReadOnlyList<OrderEvent> Orders,
    IReadOnlyList<LeadEvent> Leads,
    IReadOnlyList<AppointmentEvent> Appointments);
