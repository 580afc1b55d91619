namespace Northstar.Ingest.Square;

/// <summary>
/// How to reach a Square-format Orders API and how often to pull from it, bound from the
/// <c>Northstar:Sync:Square</c> configuration section. <see cref="AccessToken"/> is a secret: it is sent as a
/// bearer token and never logged or echoed in an error.
/// </summary>
public sealed class SquareOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Sync:Square";

    /// <summary>The most locations one SearchOrders request may name (a limit of the API).</summary>
    public const int MaxLocationsPerRequest = 10;

    /// <summary>The largest page the API serves.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Whether the scheduled sync runs; the on-demand <c>sync square</c> verb works either way.</summary>
    public bool Enabled { get; set; }

    /// <summary>The API's base address, e.g. <c>https://connect.squareup.com</c>; requests go to <c>/v2/orders/search</c> under it.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The bearer token the API is called with.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The locations whose orders are pulled (1 to 10).</summary>
    public IList<string> LocationIds { get; set; } = [];

    /// <summary>Orders asked for per page.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How often the scheduled sync runs.</summary>
    public TimeSpan Schedule { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many times one page request is tried before the run fails (the first try included).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The backoff before the second try; it doubles with each further try, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries, a server's <c>Retry-After</c> included.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one request may take before it is abandoned and tried again.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options and returns one sentence per problem, naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
            problems.Add($"{SectionName}:BaseUrl must be an absolute http or https address.");
        if (string.IsNullOrWhiteSpace(AccessToken))
            problems.Add($"{SectionName}:AccessToken is required.");
        if (LocationIds.Count is 0 or > MaxLocationsPerRequest)
            problems.Add($"{SectionName}:LocationIds must name between 1 and {MaxLocationsPerRequest} locations (it names {LocationIds.Count}).");
        else if (LocationIds.Any(string.IsNullOrWhiteSpace))
            problems.Add($"{SectionName}:LocationIds must not contain an empty id.");
        if (PageSize is < 1 or > MaxPageSize)
            problems.Add($"{SectionName}:PageSize must be between 1 and {MaxPageSize} (it is {PageSize}).");
        if (Schedule <= TimeSpan.Zero)
            problems.Add($"{SectionName}:Schedule must be a positive interval such as 00:15:00.");
        if (MaxAttempts < 1)
            problems.Add($"{SectionName}:MaxAttempts must be at least 1 (it is {MaxAttempts}).");
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
            problems.Add($"{SectionName}:InitialBackoff must not be negative and MaxBackoff must not be shorter than it.");
        if (RequestTimeout <= TimeSpan.Zero)
            problems.Add($"{SectionName}:RequestTimeout must be positive.");
        return problems;
    }
}
