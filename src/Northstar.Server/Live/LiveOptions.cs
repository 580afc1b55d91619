namespace Northstar.Server.Live;

/// <summary>Live updates (<c>Northstar:Live</c>): subscriptions to query answers pushed when their data changes.</summary>
internal sealed class LiveOptions
{
    public const string SectionName = "Northstar:Live";

    /// <summary>The shortest interval a subscription may ask for: an answer is recomputed at most this often.</summary>
    public const int MinIntervalSeconds = 1;

    /// <summary>The longest interval a subscription may ask for.</summary>
    public const int MaxIntervalSeconds = 3600;

    /// <summary>How many subscriptions one connection (or one event stream) may hold.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>
    /// How often the credentials of every open connection are checked again (a revocation made on this node, or sent
    /// through Redis, is acted on at once; this bounds the rest, e.g. <c>users set-role</c> from the command line).
    /// </summary>
    public int RevalidateSeconds { get; set; } = 60;

    /// <summary>How long one node's claim to compute an answer for the whole cluster lasts, should it die computing.</summary>
    public int ClaimSeconds { get; set; } = 30;
}
