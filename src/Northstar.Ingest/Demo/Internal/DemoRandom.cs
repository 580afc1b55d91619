namespace Northstar.Ingest.Demo.Internal;

/// <summary>The independent random streams of the generator; each (stream, day, branch) gets its own generator.</summary>
internal enum DemoStream
{
    Staff = 1,
    Catalog = 2,
    Customers = 3,
    Orders = 4,
    Pipeline = 5,
}

/// <summary>Seeded randomness: per-stream generators and the few distributions the generator draws from.</summary>
internal static class DemoRandom
{
    /// <summary>
    /// A generator for one (seed, stream, day, branch). Deriving each one from the tuple, instead of drawing from one
    /// shared generator, is what lets any entity be enumerated alone, in any order, with the same result.
    /// </summary>
    public static Random For(int seed, DemoStream stream, int day = 0, int branch = 0)
    {
        var x = Mix((ulong)(uint)seed);
        x = Mix(x ^ ((ulong)stream << 48) ^ ((ulong)(uint)day << 8) ^ (ulong)(uint)branch);
        return new Random((int)(x & int.MaxValue));
    }

    // SplitMix64's finalizer: nearby tuples must give unrelated seeds.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Normal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Poisson count: exact for small means, the normal approximation for large ones.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 40)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Normal())));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn with the probabilities of a cumulative weight table (last entry = total).</summary>
    public static int PickCumulative(this Random random, double[] cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var sum = 0.0;
        foreach (var weight in weights)
        {
            sum += weight;
            list.Add(sum);
        }

        return [.. list];
    }
}
