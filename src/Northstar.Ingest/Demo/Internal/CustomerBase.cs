using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>
/// A showroom customer: acquired on <see cref="StartIndex"/>, buying at a personal rate (<see cref="Weight"/>) until
/// they stop for good on <see cref="EndIndex"/> (day indexes relative to the first day; negative = before the window).
/// </summary>
internal sealed record Customer(
    string Id,
    int Branch,
    int StartIndex,
    int EndIndex,
    double Weight,
    string Segment,
    int? ProFromIndex,
    string Name,
    string Email,
    string Phone);

/// <summary>
/// Every customer of every branch, and the draw of "who placed this order": a customer acquired by that day and not yet
/// lost, chosen in proportion to their personal rate. Customers therefore return at different rates and eventually
/// stop, which is the signal the churn and lifetime-value analyses look for.
/// </summary>
internal sealed class CustomerBase
{
    /// <summary>Share of showroom orders placed by a known customer (the rest are anonymous walk-ins).</summary>
    public const double IdentifiedShare = 0.72;

    /// <summary>Mean customer lifetime in days (exponential).</summary>
    public const double MeanLifetimeDays = 300;

    // A customer of weight 1 orders about every 20 days while active.
    private const double ActiveCustomersPerDailyOrder = 20;
    private const double MaxWeight = 8;
    private const int MaxDrawAttempts = 200;

    private readonly List<Customer>[] _pools;
    private readonly int[][] _acquiredBy;

    public CustomerBase(int seed, IReadOnlyList<Branch> branches, DemoOptions options, double[] branchShares)
    {
        var random = DemoRandom.For(seed, DemoStream.Customers);
        _pools = new List<Customer>[branches.Count];
        _acquiredBy = new int[branches.Count][];
        var history = (int)(3 * MeanLifetimeDays);
        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            var pool = new List<Customer>();
            var active = ActiveCustomersPerDailyOrder * IdentifiedShare * options.OrdersPerDay * branchShares[b];
            var perDay = active / MeanLifetimeDays;
            var acquiredBy = new int[options.Days];
            for (var day = -history; day < options.Days; day++)
            {
                var count = random.Poisson(perDay);
                for (var i = 0; i < count; i++)
                {
                    var end = day + 1 + (int)(-MeanLifetimeDays * Math.Log(1 - random.NextDouble()));
                    var pro = random.Chance(0.12);
                    var weight = Math.Clamp(Math.Exp(0.7 * random.Normal()), 0.1, 4.0) * (pro ? 2.0 : 1.0);
                    var first = random.Pick(Names.First);
                    var last = random.Pick(Names.Last);
                    var phone = random.Next(2_000_000, 9_999_999);
                    var upgrade = !pro && random.Chance(0.04);
                    var upgradeIndex = random.Next(Math.Max(day, 0) + 1, Math.Max(Math.Max(day, 0) + 2, Math.Min(end, options.Days)));
                    if (end <= 0)
                    {
                        continue;
                    }

                    var number = pool.Count + 1;
                    var id = string.Create(CultureInfo.InvariantCulture, $"cus_{branch.Code}_{number:D6}");
                    var email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{number}@mail.example").ToLowerInvariant();
                    var phoneText = string.Create(CultureInfo.InvariantCulture, $"+1-555-{phone / 10000:D3}-{phone % 10000:D4}");
                    int? proFrom = upgrade && upgradeIndex < Math.Min(end, options.Days) ? upgradeIndex : null;
                    var segment = pro ? "pro" : "homeowner";
                    pool.Add(new Customer(id, b, day, end, weight, segment, proFrom, $"{first} {last}", email, phoneText));
                }

                if (day >= 0)
                {
                    acquiredBy[day] = pool.Count;
                }
            }

            _pools[b] = pool;
            _acquiredBy[b] = acquiredBy;
        }
    }

    public IEnumerable<Customer> All => _pools.SelectMany(pool => pool);

    /// <summary>A customer active at <paramref name="branch"/> on <paramref name="dayIndex"/>, by rate; null when none.</summary>
    public Customer? Draw(Random random, int branch, int dayIndex)
    {
        var pool = _pools[branch];
        var acquired = _acquiredBy[branch][Math.Clamp(dayIndex, 0, _acquiredBy[branch].Length - 1)];
        if (acquired == 0)
        {
            return null;
        }

        for (var attempt = 0; attempt < MaxDrawAttempts; attempt++)
        {
            var candidate = pool[random.Next(acquired)];
            if (candidate.EndIndex > dayIndex && random.NextDouble() * MaxWeight < candidate.Weight)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The customer's versions: as acquired, and again when they became a pro (a new SCD2 version).</summary>
    public static IEnumerable<CustomerEvent> Versions(Customer customer, Branch branch, DateOnly firstDay)
    {
        var acquiredOn = firstDay.AddDays(customer.StartIndex);
        var firstSeen = new DateTimeOffset(acquiredOn.ToDateTime(new TimeOnly(10, 0)), branch.OffsetOn(acquiredOn));
        var initial = new CustomerEvent(
            customer.Id, firstSeen, customer.Name, customer.Email, customer.Phone, branch.City, branch.Region, branch.PostalCode,
            customer.Segment, branch.Id, firstSeen);
        yield return initial;
        if (customer.ProFromIndex is { } index)
        {
            var day = firstDay.AddDays(index);
            yield return initial with
            {
                UpdatedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), branch.OffsetOn(day)),
                Segment = "pro",
            };
        }
    }
}
