using System.Globalization;
using System.Text;
using Northstar.Core.Queries;

namespace Northstar.Core.Compiling;

/// <summary>
/// The canonical text of a validated query and its scope: equal for questions that are the same (filters in any order,
/// in-lists in any order, presets resolved to dates), different for any difference that changes the answer.
/// </summary>
internal static class NormalizedKey
{
    public static string Of(ValidatedQuery query, DateRange? range, QueryScope scope, SqlDialect dialect)
    {
        var key = new StringBuilder("v1");
        Append(key, "engine", dialect.ToString());
        Append(key, "metrics", string.Join(',', query.Metrics.Select(metric => metric.Name)));
        Append(key, "dimensions", string.Join(',', query.Dimensions.Select(dimension => dimension.Name)));
        Append(key, "time", string.Join(',', query.Parts.Select(part => part.Subject.Name + ":" + part.Time.Name)));
        Append(key, "grain", query.Time is null ? "-" : SpecNames.Of(query.Time.Grain));
        Append(key, "range", Range(range));
        Append(key, "where", Filters(query.DimensionFilters));
        Append(key, "having", Filters(query.MetricFilters));
        Append(key, "segments", string.Join(',', query.Segments));
        Append(key, "compare", query.Compare ?? "-");
        Append(key, "order", string.Join(',', query.Order.Select(order => order.Member + (order.Descending ? ":desc" : ":asc"))));
        Append(key, "limit", query.Limit.ToString(CultureInfo.InvariantCulture));
        Append(key, "scope", scope.Key);
        return key.ToString();
    }

    /// <summary>The key of a named analysis: its name, range, filters and the scope (and the engine, like every key).</summary>
    public static string OfAnalysis(string analysis, DateRange? range, IEnumerable<ValidFilter> filters, QueryScope scope,
                                    SqlDialect dialect)
    {
        var key = new StringBuilder("v1");
        Append(key, "engine", dialect.ToString());
        Append(key, "analysis", analysis);
        Append(key, "range", Range(range));
        Append(key, "where", Filters(filters));
        Append(key, "scope", scope.Key);
        return key.ToString();
    }

    private static string Range(DateRange? range) => range is null
        ? "all"
        : string.Create(CultureInfo.InvariantCulture, $"{range.From:yyyy-MM-dd}..{range.To:yyyy-MM-dd}");

    private static string Filters(IEnumerable<ValidFilter> filters) => string.Join(';', filters
        .Select(filter => $"{filter.Member} {SpecNames.Of(filter.Op)} [{string.Join(',', filter.Values.Select(FilterValues.Canonical))}]")
        .Distinct()
        .Order(StringComparer.Ordinal));

    private static void Append(StringBuilder key, string name, string value) => key.Append('|').Append(name).Append('=').Append(value);
}
