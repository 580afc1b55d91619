namespace Northstar.Bench.Suites;

/// <summary>A benchmark that read the wrong data measures nothing: each suite checks what it read.</summary>
internal static class Verify
{
    public static void Equal<T>(T expected, T actual, string what)
        where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            throw new InvalidOperationException($"Wrong {what}: expected {expected}, got {actual}.");
        }
    }

    public static void Ascending<T>(T previous, T current, string what)
        where T : IComparable<T>
    {
        if (current.CompareTo(previous) <= 0)
        {
            throw new InvalidOperationException($"Wrong {what}: {current} came after {previous}.");
        }
    }
}
