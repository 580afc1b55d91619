namespace Northstar.Server.Exports;

/// <summary>The exports' bounds, bound from <c>Northstar:Export</c>.</summary>
public sealed class ExportOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Export";

    /// <summary>
    /// The most rows one export may have (100,000 by default), more than an answer on screen: an export that would have
    /// more is refused, never cut short.
    /// </summary>
    public int MaxRows { get; set; } = 100_000;
}
