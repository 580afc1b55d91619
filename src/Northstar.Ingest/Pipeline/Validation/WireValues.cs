namespace Northstar.Ingest.Pipeline.Validation;

/// <summary>The enumerations of the wire formats, as the silver tables' check constraints allow them.</summary>
internal static class WireValues
{
    public static readonly IReadOnlySet<string> OrderStates =
        new HashSet<string>(["open", "paid", "fulfilled", "cancelled", "refunded", "partially_refunded"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> EmployeeRoles = new HashSet<string>(
        ["manager", "sales_rep", "setter", "canvasser", "call_agent", "technician", "cashier", "support", "marketing", "other"],
        StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> LeadStatuses =
        new HashSet<string>(["new", "contacted", "qualified", "appointment_set", "won", "lost"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> AppointmentOutcomes =
        new HashSet<string>(["set", "confirmed", "sat", "no_show", "sold", "cancelled"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> JobStages =
        new HashSet<string>(["sold", "scheduled", "in_production", "completed", "cancelled"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> TicketPriorities =
        new HashSet<string>(["low", "normal", "high", "urgent"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> TicketStatuses =
        new HashSet<string>(["open", "pending", "resolved", "closed"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> CallDirections = new HashSet<string>(["inbound", "outbound"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> CallOutcomes = new HashSet<string>(
        ["answered", "missed", "voicemail", "no_answer", "appointment_set", "sale", "other"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> DoorOutcomes = new HashSet<string>(
        ["not_home", "not_interested", "callback", "lead", "appointment_set", "sale"], StringComparer.Ordinal);
}
