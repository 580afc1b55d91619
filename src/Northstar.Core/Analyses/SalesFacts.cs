using Northstar.Core.Compiling;
using Northstar.Core.Compiling.Sql;
using Northstar.Core.Model;
using Northstar.Core.Queries;
using Northstar.Core.Rollups;

namespace Northstar.Core.Analyses;

/// <summary>
/// The members of the model the analyses read, so that they mean exactly what the metrics mean: the <c>sales</c>
/// subject, its <c>revenue</c> (sold and refund lines) and <c>orders</c> (distinct orders among sold lines) measures,
/// the <c>customer_id</c> dimension, and the known-customer conditions of its <c>customers</c> measure (anonymous
/// walk-ins excluded).
/// </summary>
internal sealed class SalesFacts
{
    /// <summary>The output column of the customer id in <see cref="PerCustomer"/>.</summary>
    public const string Customer = "d_customer_id";

    /// <summary>The output column of the time bucket in <see cref="PerCustomer"/>.</summary>
    public const string Time = SubjectAggregate.TimeAlias;

    // The earliest date a spec may name: a bound below every fact, for "everything up to a day".
    private static readonly DateOnly Beginning = new(1900, 1, 1);

    private SalesFacts(Subject subject, Measure revenue, Measure orders, Dimension customerId, IReadOnlyList<ValidFilter> known)
    {
        Subject = subject;
        Revenue = revenue;
        Orders = orders;
        CustomerId = customerId;
        KnownCustomers = known;
    }

    public Subject Subject { get; }

    public Measure Revenue { get; }

    public Measure Orders { get; }

    public Dimension CustomerId { get; }

    /// <summary>The conditions on the customer id that make a customer known (<c>customer_id &lt;&gt; 'unknown'</c>).</summary>
    public IReadOnlyList<ValidFilter> KnownCustomers { get; }

    /// <summary>The output column of a measure in <see cref="PerCustomer"/>.</summary>
    public static string MeasureColumn(Measure measure) => SubjectAggregate.MeasureAlias(measure.Name);

    /// <summary>Everything up to <paramref name="range"/>'s last day; null (all time) stays null.</summary>
    public static DateRange? UpTo(DateRange? range) => range is null ? null : new DateRange(Beginning, range.To);

    /// <exception cref="QueryValidationException">The model does not declare what the analyses read.</exception>
    public static SalesFacts From(SemanticModel model)
    {
        if (model.Subjects.TryGetValue("sales", out var subject)
            && model.Metrics.TryGetValue("revenue", out var revenue) && revenue is Measure { Subject: "sales" } revenueMeasure
            && model.Metrics.TryGetValue("orders", out var orders) && orders is Measure { Subject: "sales" } ordersMeasure
            && model.Metrics.TryGetValue("customers", out var customers) && customers is Measure { Subject: "sales" } customersMeasure
            && subject.Dimensions.TryGetValue("customer_id", out var customerId))
        {
            var known = customersMeasure.Filter
                .Where(condition => condition.Dimension == customerId.Name)
                .Select(condition => new ValidFilter(condition.Dimension, condition.Op,
                    [.. condition.Values.Select(value => FilterValues.FromModel(value, customerId.Type))]))
                .ToArray();
            return new SalesFacts(subject, revenueMeasure, ordersMeasure, customerId, known);
        }

        throw new QueryValidationException(
        [
            new QueryError("analysis", "The model does not declare what the analyses read: the sales subject with its customer_id "
                                       + "dimension and its revenue, orders and customers measures."),
        ]);
    }

    /// <summary>
    /// The aggregate of <paramref name="measures"/> per known customer (and per <paramref name="grain"/> bucket when given),
    /// over <paramref name="range"/>, under the caller's scope, window and filters: the compiler's own subject aggregate
    /// (so a rollup keyed by customer answers when one can). Columns: <see cref="Time"/> (with a grain),
    /// <see cref="Customer"/>, and <see cref="MeasureColumn"/> of each measure.
    /// </summary>
    public (SqlSelect Select, string? Rollup) PerCustomer(AnalysisInput input, DateRange? range, Grain? grain, IReadOnlyList<Measure> measures)
    {
        var time = Subject.TimeDimensions[Subject.DefaultTime];
        var query = new ValidatedQuery(
            Metrics: measures,
            Dimensions: [CustomerId],
            Time: grain is { } bucket ? new TimeColumn(time.Name, time.Label, bucket) : null,
            Range: range,
            DimensionFilters: [.. KnownCustomers, .. input.Filters],
            MetricFilters: [],
            Segments: [],
            Compare: null,
            Order: [],
            Limit: 0,
            Parts: [new SubjectPart(Subject, time, measures)]);
        if (input.UseRollups)
        {
            query = RollupMatcher.Apply(input.Model, query, input.Scope);
        }

        var part = query.Parts[0];
        return (SubjectAggregate.Build(part, query, input.Scope, range, input.Window, grouped: true, onlyGroups: null), part.Rollup?.Name);
    }
}
