using Northstar.Ingest.Demo.Internal;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo;

/// <summary>
/// The records of the demo company, one lazy stream per entity. Small entities (locations, staff, catalog, customers,
/// campaigns) are built up front; orders and the in-home pipeline are generated one branch-day at a time as a stream
/// is enumerated, from random generators derived from (seed, stream, day, branch), so every stream can be enumerated
/// on its own, any number of times, concurrently, and always yields the same records in the same order.
/// </summary>
public sealed class DemoData
{
    private readonly DemoModel _model;
    private readonly Lazy<DemoTotals> _totals;

    internal DemoData(DemoModel model)
    {
        _model = model;
        _totals = new Lazy<DemoTotals>(() => TotalsCounter.Count(_model));
    }

    /// <summary>The options the data was generated with.</summary>
    public DemoOptions Options => _model.Options;

    public IEnumerable<LocationEvent> Locations => _model.Branches.Select(branch => new LocationEvent(
        branch.Id, new DateTimeOffset(branch.OpenedOn.ToDateTime(new TimeOnly(9, 0)), branch.OffsetOn(branch.OpenedOn)), branch.Name,
        branch.Address, branch.City, branch.Region, branch.PostalCode, "US", branch.Latitude, branch.Longitude, branch.TimeZoneId,
        branch.OpenedOn));

    public IEnumerable<EmployeeEvent> Employees => _model.Staff.Members.Select(member => member.Event);

    public IEnumerable<ProductEvent> Products => _model.Catalog.Products.Select(product => product.Event);

    /// <summary>Customers, with a second version (same id, later <c>updated_at</c>) for those who became pros.</summary>
    public IEnumerable<CustomerEvent> Customers => _model.Customers.All.SelectMany(
        customer => CustomerBase.Versions(customer, _model.Branches[customer.Branch], _model.Options.FirstDay));

    public IEnumerable<CampaignEvent> Campaigns => _model.Campaigns.All;

    /// <summary>Showroom orders, day by day, branch by branch; refunds already applied as of the last day.</summary>
    public IEnumerable<OrderEvent> Orders => BranchDays().SelectMany(slot => OrderDay.Generate(_model, slot.Day, slot.Branch));

    public IEnumerable<LeadEvent> Leads => Pipeline(day => day.Leads);

    public IEnumerable<AppointmentEvent> Appointments => Pipeline(day => day.Appointments);

    public IEnumerable<JobEvent> Jobs => Pipeline(day => day.Jobs);

    public IEnumerable<TicketEvent> Tickets => Pipeline(day => day.Tickets);

    public IEnumerable<CallEvent> Calls => Pipeline(day => day.Calls);

    public IEnumerable<CanvassDoorEvent> CanvassDoors => Pipeline(day => day.Doors);

    public IEnumerable<MarketingSpendEvent> MarketingSpend => Pipeline(day => day.Spend);

    /// <summary>The generator's own counts, computed on first use by generating everything once (a few seconds for a year).</summary>
    public DemoTotals Totals => _totals.Value;

    /// <summary>The stream of one entity, as wire events.</summary>
    public IEnumerable<IWireEvent> Of(EntityKind kind) => kind switch
    {
        EntityKind.Locations => Locations,
        EntityKind.Employees => Employees,
        EntityKind.Customers => Customers,
        EntityKind.Products => Products,
        EntityKind.Campaigns => Campaigns,
        EntityKind.Orders => Orders,
        EntityKind.Leads => Leads,
        EntityKind.Appointments => Appointments,
        EntityKind.Jobs => Jobs,
        EntityKind.Tickets => Tickets,
        EntityKind.Calls => Calls,
        EntityKind.CanvassDoors => CanvassDoors,
        EntityKind.MarketingSpend => MarketingSpend,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity."),
    };

    /// <summary>A few orders, leads and appointments happening at <paramref name="now"/>, with fresh ids.</summary>
    public DemoLiveBatch LiveEvents(DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return LiveEventFactory.Create(_model, now, random);
    }

    private IEnumerable<(int Day, int Branch)> BranchDays()
    {
        for (var day = 0; day < _model.Options.Days; day++)
        {
            for (var branch = 0; branch < _model.Branches.Count; branch++)
            {
                yield return (day, branch);
            }
        }
    }

    private IEnumerable<T> Pipeline<T>(Func<PipelineDay, List<T>> part) =>
        BranchDays().SelectMany(slot => part(PipelineDay.Generate(_model, slot.Day, slot.Branch)));
}
