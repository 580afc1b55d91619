namespace Northstar.Server.Telemetry;

/// <summary>
/// One served request, as recorded: when it started, the method, the endpoint's route pattern, the status and how long it took.
/// </summary>
internal readonly record struct RequestRecord(DateTimeOffset At, string Method, string Route, short Status, double DurationMs);
