namespace Northstar.Ingest.Demo.Internal;

/// <summary>One Evergreen branch: where it is, its sales tax and its share of the company's showroom orders.</summary>
internal sealed record Branch(
    string Id,
    string Code,
    string Name,
    string Address,
    string City,
    string Region,
    string PostalCode,
    decimal Latitude,
    decimal Longitude,
    string TimeZoneId,
    decimal TaxRate,
    double OrderShare,
    DateOnly OpenedOn)
{
    /// <summary>The five branches, in the order <see cref="DemoOptions.Branches"/> takes them.</summary>
    public static IReadOnlyList<Branch> All { get; } =
    [
        new("loc_pdx", "pdx", "Evergreen Portland", "1420 NW Lovejoy St", "Portland", "OR", "97209",
            45.5311m, -122.6845m, "America/Los_Angeles", 0.0000m, 0.19, new DateOnly(2009, 4, 1)),
        new("loc_den", "den", "Evergreen Denver", "2801 Walnut St", "Denver", "CO", "80205",
            39.7621m, -104.9822m, "America/Denver", 0.0881m, 0.20, new DateOnly(2012, 9, 15)),
        new("loc_aus", "aus", "Evergreen Austin", "5400 Burnet Rd", "Austin", "TX", "78756",
            30.3283m, -97.7402m, "America/Chicago", 0.0825m, 0.21, new DateOnly(2015, 3, 2)),
        new("loc_chi", "chi", "Evergreen Chicago", "1750 W Fullerton Ave", "Chicago", "IL", "60614",
            41.9253m, -87.6723m, "America/Chicago", 0.1025m, 0.22, new DateOnly(2017, 6, 10)),
        new("loc_atl", "atl", "Evergreen Atlanta", "675 Ponce De Leon Ave NE", "Atlanta", "GA", "30308",
            33.7726m, -84.3655m, "America/New_York", 0.0890m, 0.18, new DateOnly(2020, 2, 20)),
    ];

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>
    /// The UTC offset during business hours of a local day. Taken at local noon: daylight-saving changes happen at
    /// 2 am, when the branch is closed, so one offset serves every event of the day.
    /// </summary>
    public TimeSpan OffsetOn(DateOnly day)
    {
        var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Unspecified);
        return noon - TimeZoneInfo.ConvertTimeToUtc(noon, TimeZone);
    }

    /// <summary>Local midnight at the end of <paramref name="day"/>: the instant after which nothing has happened yet.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var next = day.AddDays(1);
        var midnight = next.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, midnight - TimeZoneInfo.ConvertTimeToUtc(midnight, TimeZone));
    }
}
