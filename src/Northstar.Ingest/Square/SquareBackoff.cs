namespace Northstar.Ingest.Square;

/// <summary>How long to wait before trying a failed request again.</summary>
internal static class SquareBackoff
{
    /// <summary>
    /// The wait after failed attempt number <paramref name="attempt"/> (1-based): the server's <c>Retry-After</c> when it
    /// sent one, else exponential from <see cref="SquareOptions.InitialBackoff"/> with "equal jitter" (half fixed, half
    /// random) so that many clients failing together do not retry together; never longer than
    /// <see cref="SquareOptions.MaxBackoff"/>.
    /// </summary>
    public static TimeSpan Next(int attempt, TimeSpan? retryAfter, SquareOptions options)
    {
        if (retryAfter is { } asked)
            return asked < TimeSpan.Zero ? TimeSpan.Zero : Min(asked, options.MaxBackoff);

        var exponential = Min(options.InitialBackoff * Math.Pow(2, Math.Min(attempt - 1, 30)), options.MaxBackoff);
        var half = exponential / 2;
#pragma warning disable CA5394 // Jitter only spreads retries out; it protects nothing, so a predictable generator is fine.
        return half + half * Random.Shared.NextDouble();
#pragma warning restore CA5394
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
