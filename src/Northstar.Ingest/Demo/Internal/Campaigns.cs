using System.Globalization;
using Northstar.Ingest.Wire;

namespace Northstar.Ingest.Demo.Internal;

/// <summary>The marketing channels of the in-home business, and one company-wide campaign per channel per quarter.</summary>
internal sealed class Campaigns
{
    public const string Canvassing = "canvassing";
    public const string Telemarketing = "telemarketing";
    public const string Web = "web";
    public const string Referral = "referral";
    public const string Tv = "tv";
    public const string DirectMail = "direct_mail";

    public static IReadOnlyList<string> Channels { get; } = [Canvassing, Telemarketing, Web, Referral, Tv, DirectMail];

    // Planned daily spend per branch, for the campaigns' budgets.
    private static readonly Dictionary<string, decimal> PlannedDailySpend = new()
    {
        [Canvassing] = 650m, [Telemarketing] = 330m, [Web] = 420m, [Referral] = 80m, [Tv] = 600m, [DirectMail] = 343m,
    };

    private readonly Dictionary<(string Channel, int Year, int Quarter), string> _ids = [];

    public Campaigns(DateOnly firstDay, DateOnly today, int branches)
    {
        var events = new List<CampaignEvent>();
        for (var start = new DateOnly(firstDay.Year, (((firstDay.Month - 1) / 3) * 3) + 1, 1); start <= today; start = start.AddMonths(3))
        {
            var end = start.AddMonths(3).AddDays(-1);
            var quarter = ((start.Month - 1) / 3) + 1;
            var days = end.DayNumber - start.DayNumber + 1;
            var createdAt = new DateTimeOffset(start.AddDays(-14).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            foreach (var channel in Channels)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"cmp_{channel}_{start.Year}q{quarter}");
                var name = string.Create(CultureInfo.InvariantCulture, $"{Title(channel)} Q{quarter} {start.Year}");
                events.Add(new CampaignEvent(id, createdAt, name, channel, start, end, PlannedDailySpend[channel] * days * branches));
                _ids[(channel, start.Year, quarter)] = id;
            }
        }

        All = events;
    }

    public IReadOnlyList<CampaignEvent> All { get; }

    public string IdFor(string channel, DateOnly day) => _ids[(channel, day.Year, ((day.Month - 1) / 3) + 1)];

    private static string Title(string channel) => channel switch
    {
        Tv => "TV",
        DirectMail => "Direct Mail",
        _ => string.Concat(channel[..1].ToUpperInvariant(), channel[1..]),
    };
}
