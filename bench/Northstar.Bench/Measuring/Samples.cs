namespace Northstar.Bench.Measuring;

/// <summary>The timings of the measured runs of one figure (the warm-up run excluded).</summary>
internal sealed class Samples
{
    private readonly TimeSpan[] _sorted;

    public Samples(IEnumerable<TimeSpan> timings)
    {
        _sorted = [.. timings.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("At least one measured run is needed.", nameof(timings));
        }
    }

    public int Count => _sorted.Length;

    public TimeSpan Min => _sorted[0];

    /// <summary>The nearest-rank percentile, <paramref name="fraction"/> from 0 to 1 (0.95: the 95th percentile).</summary>
    public TimeSpan Percentile(double fraction) =>
        _sorted[Math.Clamp((int)Math.Ceiling(fraction * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public TimeSpan Median => _sorted.Length % 2 == 1
        ? _sorted[_sorted.Length / 2]
        : (_sorted[(_sorted.Length / 2) - 1] + _sorted[_sorted.Length / 2]) / 2;
}
