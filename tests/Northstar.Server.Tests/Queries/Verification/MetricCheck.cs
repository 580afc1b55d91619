namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>How closely the API's value must equal the plain SQL's.</summary>
public enum Precision
{
    /// <summary>Counts and sums of decimals: equal to the last digit.</summary>
    Exact,

    /// <summary>Ratios and averages, computed in double on DuckDB: within one part in a million.</summary>
    Relative,
}

/// <summary>A metric and the plain SQL that computes it over the local dates [$1, $2] (see <see cref="MetricChecks"/>).</summary>
public sealed record MetricCheck(string Metric, string PlainSql, Precision Precision)
{
    private const decimal RelativeTolerance = 0.000001m;

    /// <summary>The SQL with <paramref name="branchCondition"/> (e.g. <c>and l.name = $3</c>, or empty) in each <c>{branch}</c>.</summary>
    public string Sql(string branchCondition = "") => PlainSql.Replace("{branch}", branchCondition, StringComparison.Ordinal);

    /// <summary>Asserts that <paramref name="actual"/> (the API's) equals <paramref name="expected"/> (the plain SQL's).</summary>
    public void AssertEqual(decimal? expected, decimal? actual, string what)
    {
        var equal = (expected, actual) switch
        {
            (null, null) => true,
            ({ } e, { } a) when Precision == Precision.Exact => e == a,
            ({ } e, { } a) => Math.Abs(e - a) <= RelativeTolerance * Math.Max(Math.Abs(e), Math.Abs(a)),
            _ => false,
        };
        Assert.True(equal, $"{Metric}, {what}: the API says {Show(actual)}, the plain SQL {Show(expected)}.\nSQL: {PlainSql}");
    }

    /// <summary>Asserts that the API's <paramref name="delta"/> is <paramref name="current"/> − <paramref name="previous"/>.</summary>
    public void AssertDelta(decimal current, decimal previous, decimal? delta)
    {
        // A difference of two doubles is as exact as the larger of them, not relative to the (maybe tiny) difference.
        var tolerance = Precision == Precision.Exact ? 0m : RelativeTolerance * Math.Max(Math.Abs(current), Math.Abs(previous));
        Assert.True(delta is { } d && Math.Abs(d - (current - previous)) <= tolerance,
            $"{Metric}: delta {Show(delta)} is not {Show(current)} - {Show(previous)}.");
    }

    private static string Show(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
