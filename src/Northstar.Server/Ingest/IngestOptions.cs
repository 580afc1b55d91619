namespace Northstar.Server.Ingest;

/// <summary>
/// Webhook ingest settings, bound from <c>Northstar:Ingest</c>: the sources allowed to push events, each with its
/// signing secret (<c>Northstar:Ingest:Sources:&lt;name&gt;:Secret</c>), and the bounds of one request.
/// </summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Ingest";

    /// <summary>The sources that may sign webhook requests, by name (the <c>X-Northstar-Source</c> header).</summary>
    public Dictionary<string, IngestSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest request body accepted, in bytes (5 MB by default); a larger one is a 413.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most events accepted in one request's array (1,000 by default); more is a 413.</summary>
    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>
    /// The shortest time between the starts of two background processing runs (250 ms by default): the first events
    /// after a quiet spell are processed at once, and a burst makes one run per interval rather than one per request.
    /// </summary>
    public TimeSpan ProcessingInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>One webhook source.</summary>
public sealed class IngestSourceOptions
{
    /// <summary>The shared secret that signs this source's requests: at least 32 characters. Never logged or returned.</summary>
    public string? Secret { get; set; }
}
