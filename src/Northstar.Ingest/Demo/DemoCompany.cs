using Northstar.Ingest.Demo.Internal;

namespace Northstar.Ingest.Demo;

/// <summary>
/// Evergreen, the demo company: a regional home-improvement business with showroom sales and an in-home sales pipeline
/// in up to five branches. See <c>docs/demo-company.md</c> for its patterns and its deliberate defects.
/// </summary>
public static class DemoCompany
{
    /// <summary>Builds the company for <paramref name="options"/>; orders and pipeline records are generated as enumerated.</summary>
    public static DemoData Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DemoData(new DemoModel(options));
    }

    /// <summary>
    /// A few new events at <paramref name="now"/>. Builds the company's dimensions each call (tens of milliseconds for the
    /// defaults); a caller producing events continuously should keep one <see cref="DemoData"/> and call
    /// <see cref="DemoData.LiveEvents"/> on it.
    /// </summary>
    public static DemoLiveBatch LiveEvents(DemoOptions options, DateTimeOffset now, Random random) =>
        Generate(options).LiveEvents(now, random);
}
