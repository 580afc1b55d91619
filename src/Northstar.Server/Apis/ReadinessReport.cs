namespace Northstar.Server.Apis;

/// <summary>The body of <c>GET /readyz</c>. Names hosts of replicas, never connection strings.</summary>
/// <param name="Status"><c>ready</c> or <c>unready</c>.</param>
/// <param name="Engine">"DuckDB" or "PostgreSQL".</param>
/// <param name="Reachable">Whether the primary answered.</param>
/// <param name="Migrations">The migrations of this build: all applied, or which are pending.</param>
/// <param name="Replicas">Each configured read replica (none on DuckDB).</param>
/// <param name="Error">Why the primary could not be checked, when it could not.</param>
public sealed record ReadinessReport(
    string Status,
    string Engine,
    bool Reachable,
    MigrationsReport Migrations,
    IReadOnlyList<ReplicaReport> Replicas,
    string? Error);

/// <summary>Whether every migration shipped with this build is applied.</summary>
/// <param name="Applied">True when none is pending.</param>
/// <param name="Pending">The versions not yet applied.</param>
public sealed record MigrationsReport(bool Applied, IReadOnlyList<string> Pending);

/// <summary>The health of one read replica.</summary>
/// <param name="Name">Its host and port.</param>
/// <param name="Reachable">Whether it answered.</param>
/// <param name="LagSeconds">How far its replay is behind the primary; null when unknown.</param>
/// <param name="InUse">Whether analytic reads are routed to it now.</param>
public sealed record ReplicaReport(string Name, bool Reachable, double? LagSeconds, bool InUse);
