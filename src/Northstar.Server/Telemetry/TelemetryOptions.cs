namespace Northstar.Server.Telemetry;

/// <summary>The server's own telemetry (docs/telemetry.md), bound from <c>Northstar:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Northstar:Telemetry";

    /// <summary>Whether requests are recorded and live connections sampled (true by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The node name written with every row; the machine name when not set.</summary>
    public string? Node { get; set; }

    /// <summary>How often the recorded requests are written to the warehouse, in seconds (5 by default).</summary>
    public int FlushSeconds { get; set; } = 5;

    /// <summary>
    /// How many recorded requests may wait for the next write (50,000 by default); beyond that, requests are not recorded
    /// (and counted as dropped) rather than slowed down.
    /// </summary>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>The node name: <see cref="Node"/>, or the machine name.</summary>
    public string NodeName => string.IsNullOrWhiteSpace(Node) ? Environment.MachineName : Node.Trim();

    /// <summary>The problems of these options, each a sentence naming its setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (FlushSeconds is < 1 or > 3600)
            problems.Add($"{SectionName}:FlushSeconds must be between 1 and 3600 (it is {FlushSeconds}).");
        if (QueueCapacity is < 100 or > 10_000_000)
            problems.Add($"{SectionName}:QueueCapacity must be between 100 and 10000000 (it is {QueueCapacity}).");
        if (NodeName.Length > 200)
            problems.Add($"{SectionName}:Node must be at most 200 characters long.");
        return problems;
    }
}
