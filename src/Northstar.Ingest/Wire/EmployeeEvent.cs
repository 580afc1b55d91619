namespace Northstar.Ingest.Wire;

/// <summary>Someone on the payroll. <see cref="Role"/>: manager, sales_rep, setter, canvasser, call_agent, technician, cashier, support, marketing, other.</summary>
public sealed record EmployeeEvent(
    string Id,
    DateTimeOffset UpdatedAt,
    string Name,
    string Role = "other",
    string? Email = null,
    string? LocationId = null,
    DateOnly? HiredOn = null,
    DateOnly? TerminatedOn = null,
    bool IsActive = true) : IWireEvent;
