namespace Northstar.Ingest.Demo;

/// <summary>
/// What the generator produced, counted by the generator itself, for checking a load end to end. Money follows the
/// order wire format: <c>Sales</c> is the sum of order totals (subtotal - discount + tax + tip), <c>Refunded</c> the sum
/// of the orders' refunded amounts, and <c>Revenue</c> = Sales - Refunded. Orders and their refunds are counted in the
/// branch-local month the order was placed (a refund later in another month still counts against the order's month).
/// </summary>
public sealed record DemoTotals
{
    public required long Locations { get; init; }

    public required long Employees { get; init; }

    public required long Products { get; init; }

    /// <summary>Distinct customers.</summary>
    public required long Customers { get; init; }

    /// <summary>Customer records, counting a second version for each customer whose segment changed (SCD2).</summary>
    public required long CustomerVersions { get; init; }

    public required long Campaigns { get; init; }

    public required long Orders { get; init; }

    public required long OrderLines { get; init; }

    /// <summary>Orders with a refund (whole or partial).</summary>
    public required long RefundedOrders { get; init; }

    public required decimal Sales { get; init; }

    public required decimal Refunded { get; init; }

    public decimal Revenue => Sales - Refunded;

    /// <summary>Orders and money per branch per local month, ordered by branch then month.</summary>
    public required IReadOnlyList<DemoMonthTotals> Months { get; init; }

    public required long Leads { get; init; }

    public required long Appointments { get; init; }

    /// <summary>Appointments per outcome (set, confirmed, sat, no_show, sold, cancelled).</summary>
    public required IReadOnlyDictionary<string, long> AppointmentOutcomes { get; init; }

    public required long Jobs { get; init; }

    public required long Tickets { get; init; }

    public required long Calls { get; init; }

    public required long CanvassDoors { get; init; }

    public required long MarketingSpendRows { get; init; }

    public required decimal MarketingSpend { get; init; }

    /// <summary>Deliberate defect: appointments with outcome sold that have no job.</summary>
    public required long GhostAppointments { get; init; }

    /// <summary>Deliberate defect: jobs whose commission shares do not add up to 1.</summary>
    public required long UnbalancedCommissionJobs { get; init; }
}

/// <summary>One branch's showroom orders in one local calendar month (see <see cref="DemoTotals"/> for the money rules).</summary>
public sealed record DemoMonthTotals(string LocationId, int Year, int Month, long Orders, long Lines, decimal Sales, decimal Refunded)
{
    public decimal Revenue => Sales - Refunded;
}
