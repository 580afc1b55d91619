namespace Northstar.Ingest.Demo;

/// <summary>
/// What to generate for the demo company "Evergreen". The same options (seed included) always give the same records,
/// byte for byte: the generator never reads the clock, <see cref="Today"/> is the last day generated.
/// </summary>
public sealed record DemoOptions
{
    /// <summary>How many days of history, ending with <see cref="Today"/>. 1 to 3,660.</summary>
    public int Days { get; init; } = 365;

    /// <summary>How many branches, 1 to 5, taken in order: Portland, Denver, Austin, Chicago, Atlanta.</summary>
    public int Branches { get; init; } = 5;

    /// <summary>Average showroom orders per day across all branches, before seasonality, growth and promotions.</summary>
    public int OrdersPerDay { get; init; } = 2500;

    /// <summary>The seed every random stream is derived from.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The last day generated (in each branch's local time); nothing happens after its local midnight.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The first day generated.</summary>
    public DateOnly FirstDay => Today.AddDays(1 - Days);

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Days is < 1 or > 3660)
        {
            throw new ArgumentOutOfRangeException(nameof(Days), Days, "Days must be between 1 and 3660.");
        }

        if (Branches is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(Branches), Branches, "Branches must be between 1 and 5.");
        }

        if (OrdersPerDay is < 0 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(OrdersPerDay), OrdersPerDay, "OrdersPerDay must be between 0 and 1,000,000.");
        }
    }
}
