using Northstar.Ingest.Demo;

namespace Northstar.Ingest.Tests.Demo;

/// <summary>The options the demo tests generate with: a fixed "today" so every run sees the same calendar.</summary>
internal static class DemoFixtures
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    /// <summary>The defaults of the <c>demo</c> verb, on the reference day the documentation's numbers are for.</summary>
    public static DemoOptions Default => new() { Today = Today };

    /// <summary>A smaller company that still covers every pattern: all branches, two months, fewer orders.</summary>
    public static DemoOptions Small => new() { Today = Today, Days = 60, OrdersPerDay = 400 };

    /// <summary>Two weeks of all branches: for comparing whole serialized outputs quickly.</summary>
    public static DemoOptions Tiny => new() { Today = Today, Days = 14, OrdersPerDay = 400 };

    /// <summary>A year of all branches with a fifth of the default orders: enough for the shapes to show.</summary>
    public static DemoOptions Year => new() { Today = Today, OrdersPerDay = 500 };
}
