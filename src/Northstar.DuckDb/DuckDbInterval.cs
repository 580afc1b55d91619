namespace Northstar.DuckDb;

/// <summary>
/// A DuckDB <c>INTERVAL</c>: months, days and microseconds are kept apart, because a month or a day has no fixed
/// length (calendar arithmetic); <see cref="ToTimeSpan"/> converts when there are no months.
/// </summary>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
/// <param name="Micros">Microseconds.</param>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    /// <summary>An interval of days and microseconds equal to <paramref name="value"/> (sub-microsecond ticks are dropped).</summary>
    public static DuckDbInterval FromTimeSpan(TimeSpan value) =>
        new(0, value.Days, (value.Ticks - (value.Days * TimeSpan.TicksPerDay)) / TimeSpan.TicksPerMicrosecond);

    /// <summary>The interval as a <see cref="TimeSpan"/> (a day counts 24 hours); throws when it has months.</summary>
    /// <exception cref="InvalidCastException">The interval has months, which have no fixed length.</exception>
    public TimeSpan ToTimeSpan() =>
        Months == 0
            ? new TimeSpan((Days * TimeSpan.TicksPerDay) + (Micros * TimeSpan.TicksPerMicrosecond))
            : throw new InvalidCastException($"The interval has {Months} month(s), which have no fixed length: read it as a DuckDbInterval.");
}
