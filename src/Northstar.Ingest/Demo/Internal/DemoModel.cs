namespace Northstar.Ingest.Demo.Internal;

/// <summary>
/// The parts of the company that every day's generation needs and that are small enough to hold: branches, staff,
/// catalog, customers and campaigns. Built once per <see cref="DemoOptions"/>, deterministically, then only read.
/// </summary>
internal sealed class DemoModel
{
    public DemoModel(DemoOptions options)
    {
        options.Validate();
        Options = options;
        Branches = [.. Branch.All.Take(options.Branches)];
        var shareSum = Branches.Sum(branch => branch.OrderShare);
        BranchShares = [.. Branches.Select(branch => branch.OrderShare / shareSum)];
        Staff = new Staff(options.Seed, Branches, options.FirstDay, options.Days);
        Catalog = new Catalog(options.Seed, options.FirstDay);
        Customers = new CustomerBase(options.Seed, Branches, options, BranchShares);
        Campaigns = new Campaigns(options.FirstDay, options.Today, Branches.Count);
    }

    public DemoOptions Options { get; }

    public IReadOnlyList<Branch> Branches { get; }

    /// <summary>Each branch's share of the showroom orders, summing to 1 over the branches generated.</summary>
    public double[] BranchShares { get; }

    public Staff Staff { get; }

    public Catalog Catalog { get; }

    public CustomerBase Customers { get; }

    public Campaigns Campaigns { get; }

    public DateOnly Day(int dayIndex) => Options.FirstDay.AddDays(dayIndex);
}
