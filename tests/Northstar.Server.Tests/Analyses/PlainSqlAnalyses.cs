using System.Globalization;
using Northstar.Server.Tests.Queries.Verification;

namespace Northstar.Server.Tests.Analyses;

/// <summary>
/// The three analyses computed independently of the compiler: plain SQL over gold.fact_sales and gold.dim_customer
/// (the same text on both engines), then the bands, segments and the cohort triangle in C#. Results are text rows
/// ("vip 3 41 1234.5") and a totals line, as <see cref="AnswerText"/> writes an answer.
/// </summary>
public static class PlainSqlAnalyses
{
    public static async Task<(string[] Rows, string Totals)> SegmentsAsync(DemoWarehouse demo, Situation situation)
    {
        var (where, parameters) = Conditions(situation, lowerBound: true);
        var rows = await demo.RowsAsync($"""
            select c.customer_id,
                   count(distinct case when s.net_amount >= 0 then s.order_id end) as orders,
                   sum(s.net_amount) as revenue
            from gold.fact_sales s
            join gold.dim_customer c on c.customer_key = s.customer_key
            join gold.dim_location l on l.location_key = s.location_key
            where {where}
            group by c.customer_id
            """, parameters);
        var customers = rows.Select(row => (Orders: Number(row[1]), Revenue: Number(row[2]))).Where(customer => customer.Orders >= 1).ToList();
        string Segment(decimal orders) => orders >= 10 ? "vip" : orders >= 5 ? "loyal" : orders >= 2 ? "regular" : "new";
        var lines = new[] { "vip", "loyal", "regular", "new" }.Select(segment =>
        {
            var members = customers.Where(customer => Segment(customer.Orders) == segment).ToList();
            return $"{segment} {members.Count} {Text(members.Sum(member => member.Orders))} {Text(members.Sum(member => member.Revenue))}";
        }).ToArray();
        return (lines, $"customers {customers.Count} orders {Text(customers.Sum(c => c.Orders))} revenue {Text(customers.Sum(c => c.Revenue))}");
    }

    public static async Task<(string[] Rows, string Totals)> ValueAsync(DemoWarehouse demo, Situation situation)
    {
        // Every line up to the range's last day counts toward the value; a sold line in the range makes a buyer.
        var (where, parameters) = Conditions(situation, lowerBound: false);
        var bought = situation.From is null ? "s.net_amount >= 0" : $"s.net_amount >= 0 and s.local_date >= ${parameters.Length + 1}";
        var rows = await demo.RowsAsync($"""
            select c.customer_id,
                   sum(s.net_amount) as value,
                   max(case when {bought} then 1 else 0 end) as bought
            from gold.fact_sales s
            join gold.dim_customer c on c.customer_key = s.customer_key
            join gold.dim_location l on l.location_key = s.location_key
            where {where}
            group by c.customer_id
            """, situation.From is { } from ? [.. parameters, from] : parameters);
        var values = rows.Where(row => Number(row[2]) == 1).Select(row => Number(row[1])).ToList();
        decimal[] bounds = [0m, 50m, 100m, 250m, 500m];
        var lines = bounds.Select((lower, index) =>
        {
            decimal? upper = index + 1 < bounds.Length ? bounds[index + 1] : null;
            var members = values.Where(value => (index == 0 || value >= lower) && (upper is null || value < upper)).ToList();
            return $"{Text(lower)} {(upper is null ? "-" : Text(upper.Value))} {members.Count} {Text(members.Sum())}";
        }).ToArray();
        return (lines, $"customers {values.Count} revenue {Text(values.Sum())}");
    }

    public static async Task<(string[] Rows, string Totals)> CohortsAsync(DemoWarehouse demo, Situation situation)
    {
        var (where, parameters) = Conditions(situation, lowerBound: false);
        var rows = await demo.RowsAsync($"""
            select distinct c.customer_id, cast(date_trunc('month', cast(s.local_date as timestamp)) as date) as month
            from gold.fact_sales s
            join gold.dim_customer c on c.customer_key = s.customer_key
            join gold.dim_location l on l.location_key = s.location_key
            where {where} and s.net_amount >= 0
            """, parameters);
        var months = rows.Select(row => (Customer: (string)row[0]!, Month: Month(row[1]!)))
            .GroupBy(row => row.Customer, row => row.Month)
            .ToDictionary(group => group.Key, group => group.ToHashSet());
        if (months.Count == 0)
            return ([], "cohort_customers 0 active_customers - retention -");

        var first = situation.From is { } from ? new DateOnly(from.Year, from.Month, 1) : months.Values.Min(set => set.Min());
        var last = situation.To is { } to ? new DateOnly(to.Year, to.Month, 1) : months.Values.Max(set => set.Max());
        var cohorts = months.GroupBy(pair => pair.Value.Min(), pair => pair.Value)
            .Where(cohort => cohort.Key >= first && cohort.Key <= last)
            .OrderBy(cohort => cohort.Key)
            .ToList();
        var lines = new List<string>();
        foreach (var cohort in cohorts)
        {
            var size = cohort.Count();
            for (var (month, k) = (cohort.Key, 0); month <= last; month = month.AddMonths(1), k++)
            {
                var active = cohort.Count(set => set.Contains(month));
                lines.Add($"{cohort.Key:yyyy-MM-dd} {k} {size} {active} {Text((decimal)active / size)}");
            }
        }

        return ([.. lines], $"cohort_customers {cohorts.Sum(cohort => cohort.Count())} active_customers - retention -");
    }

    // The known customers' lines of the situation: up to its last day, from its first (when asked), of its branch.
    private static (string Where, object[] Parameters) Conditions(Situation situation, bool lowerBound)
    {
        var conditions = new List<string> { "c.customer_id <> 'unknown'" };
        var parameters = new List<object>();
        if (lowerBound && situation.From is { } from)
        {
            parameters.Add(from);
            conditions.Add($"s.local_date >= ${parameters.Count}");
        }

        if (situation.To is { } to)
        {
            parameters.Add(to);
            conditions.Add($"s.local_date <= ${parameters.Count}");
        }

        if (situation.BranchId is { } branch)
        {
            parameters.Add(branch);
            conditions.Add($"l.location_id = ${parameters.Count}");
        }

        return (string.Join(" and ", conditions), [.. parameters]);
    }

    private static DateOnly Month(object value) => value switch
    {
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        _ => throw new InvalidOperationException($"A {value.GetType().Name} for a month."),
    };

    private static decimal Number(object? value) => value is null ? 0m : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    /// <summary>A number as the answers are compared: at most 4 decimals, no trailing zeros.</summary>
    public static string Text(decimal value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
