namespace Northstar.Ingest.Pipeline;

/// <summary>
/// Data of the named subjects (<c>sales</c>, <c>pipeline</c>, <c>production</c>, <c>service</c>, <c>telemarketing</c>,
/// <c>canvass</c>, <c>marketing</c>) changed in gold for local dates from <paramref name="From"/> to
/// <paramref name="To"/>, inclusive (local dates of the facts rebuilt, before and after). When a dimension changed
/// (a location, employee, customer, product or campaign), every date of the subjects using it may answer differently,
/// and the range is <see cref="DateOnly.MinValue"/> to <see cref="DateOnly.MaxValue"/>.
/// </summary>
public sealed record DataChange(IReadOnlyList<string> Subjects, DateOnly From, DateOnly To);
