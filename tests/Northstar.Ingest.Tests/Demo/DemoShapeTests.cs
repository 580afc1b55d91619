using Northstar.Ingest.Demo;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Tests.Demo;

public sealed class DemoShapeTests
{
    [Fact]
    public void Five_branches_in_five_cities_each_with_a_real_time_zone_and_coordinates()
    {
        var locations = DemoCompany.Generate(DemoFixtures.Small).Locations.ToList();

        Assert.Equal(5, locations.Count);
        Assert.Equal(5, locations.Select(location => location.City).Distinct().Count());
        Assert.Equal(4, locations.Select(location => location.TimeZone).Distinct().Count());
        Assert.All(locations, location =>
        {
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(location.TimeZone, out _), location.TimeZone);
            Assert.InRange(location.Latitude!.Value, 25m, 49m);
            Assert.InRange(location.Longitude!.Value, -125m, -67m);
        });
    }

    [Fact]
    public void Fewer_branches_take_the_first_ones_and_keep_the_orders_per_day()
    {
        var options = DemoFixtures.Small with { Branches = 2 };
        var data = DemoCompany.Generate(options);

        Assert.Equal(["loc_pdx", "loc_den"], data.Locations.Select(location => location.Id));
        var perDay = data.Orders.Count() / (double)options.Days;
        Assert.InRange(perDay, options.OrdersPerDay * 0.8, options.OrdersPerDay * 1.2);
    }

    [Fact]
    public void Showroom_orders_fall_in_local_business_hours_and_peak_on_weekday_evenings_and_weekend_mornings()
    {
        var data = DemoCompany.Generate(DemoFixtures.Year);
        var zones = data.Locations.ToDictionary(
            location => location.Id, location => TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone));
        var weekday = new long[24];
        var weekend = new long[24];
        foreach (var order in data.Orders)
        {
            var local = TimeZoneInfo.ConvertTime(order.OrderedAt, zones[order.LocationId]);
            Assert.Equal(local.Offset, order.OrderedAt.Offset);
            (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? weekend : weekday)[local.Hour]++;
        }

        Assert.All(Enumerable.Range(0, 7).Concat(Enumerable.Range(21, 3)), hour => Assert.Equal(0, weekday[hour] + weekend[hour]));
        Assert.Equal(17, Array.IndexOf(weekday, weekday.Max()));
        Assert.InRange(Array.IndexOf(weekend, weekend.Max()), 10, 11);
    }

    [Fact]
    public void Saturday_is_the_busiest_day_and_summer_outsells_winter()
    {
        var data = DemoCompany.Generate(DemoFixtures.Year);
        var byDay = data.Orders.GroupBy(order => DateOnly.FromDateTime(order.OrderedAt.DateTime)).ToDictionary(g => g.Key, g => g.Count());

        var byWeekday = byDay.GroupBy(pair => pair.Key.DayOfWeek).ToDictionary(g => g.Key, g => g.Average(pair => pair.Value));
        Assert.Equal(DayOfWeek.Saturday, byWeekday.MaxBy(pair => pair.Value).Key);
        Assert.True(byWeekday[DayOfWeek.Saturday] > 1.3 * byWeekday[DayOfWeek.Monday]);

        double Month(int month) => byDay.Where(pair => pair.Key.Month == month).Average(pair => pair.Value);
        Assert.True(Month(6) > 1.3 * Month(12), $"June {Month(6):F0}/day, December {Month(12):F0}/day");
    }

    [Fact]
    public void The_second_year_outgrows_the_first()
    {
        var data = DemoCompany.Generate(DemoFixtures.Year with { Days = 730, Branches = 1 });
        var marches = data.Orders.Where(order => order.OrderedAt.Month == 3).GroupBy(order => order.OrderedAt.Year)
            .OrderBy(g => g.Key).Select(g => g.Count()).ToList();

        Assert.Equal(2, marches.Count);
        Assert.True(marches[1] > 1.1 * marches[0], $"March orders: {marches[0]} then {marches[1]}");
    }

    [Fact]
    public void Refunds_come_whole_or_partial_after_the_sale_and_never_after_today()
    {
        var data = DemoCompany.Generate(DemoFixtures.Year);
        var refunded = data.Orders.Where(order => order.RefundedAt is not null).ToList();
        var orders = data.Totals.Orders;

        Assert.InRange(refunded.Count / (double)orders, 0.025, 0.04);
        Assert.Contains(refunded, order => order.State == "refunded");
        Assert.Contains(refunded, order => order.State == "partially_refunded");
        Assert.All(refunded, order =>
        {
            Assert.True(order.RefundedAt > order.OrderedAt);
            Assert.True(DateOnly.FromDateTime(order.RefundedAt!.Value.DateTime) <= DemoFixtures.Today);
            Assert.Equal(order.RefundedAt, order.UpdatedAt);
        });
    }

    [Fact]
    public void Black_friday_week_discounts_tools_by_a_quarter_and_nothing_else_is_discounted_in_november()
    {
        var data = DemoCompany.Generate(DemoFixtures.Small with { Today = new DateOnly(2026, 11, 30) });
        var categories = data.Products.ToDictionary(product => product.Id, product => product.Category);
        var november = data.Orders.Where(order => order.OrderedAt.Month == 11)
            .SelectMany(order => order.LineItems.Select(line => (InPromotion: order.OrderedAt.Day >= 24, Line: line))).ToList();

        Assert.Contains(november, item => item.Line.Discount > 0);
        Assert.All(november, item =>
        {
            var expected = item.InPromotion && categories[item.Line.ProductId!] == "Tools"
                ? Math.Round(item.Line.Quantity * item.Line.UnitPrice * 0.25m, 2, MidpointRounding.AwayFromZero)
                : 0m;
            Assert.Equal(expected, item.Line.Discount);
        });
    }

    [Fact]
    public void Customers_return_at_different_rates_and_some_stop_coming()
    {
        var data = DemoCompany.Generate(DemoFixtures.Year);
        var ordersByCustomer = data.Orders.Where(order => order.CustomerId is not null)
            .GroupBy(order => order.CustomerId!)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(order => order.OrderedAt)));
        var end = new DateTimeOffset(DemoFixtures.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var counts = ordersByCustomer.Values.Select(value => value.Count).Order().ToList();
        Assert.True(counts[^(counts.Count / 10)] >= 4 * counts[counts.Count / 2], "the top tenth buys far more often than the median");
        var lapsed = ordersByCustomer.Values.Count(value => value.Count >= 5 && value.Last < end.AddDays(-120));
        Assert.True(lapsed > 100, $"{lapsed} regular customers stopped coming");
        Assert.Contains(data.Customers.GroupBy(customer => customer.Id), versions =>
            versions.Count() == 2 && versions.First().Segment == "homeowner" && versions.Last().Segment == "pro");
    }
}
