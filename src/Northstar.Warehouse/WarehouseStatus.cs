namespace Northstar.Warehouse;

/// <summary>What the readiness check found.</summary>
/// <param name="Engine">The engine checked.</param>
/// <param name="Reachable">Whether the primary answered a query.</param>
/// <param name="MigrationsApplied">Whether every migration shipped with this build is applied.</param>
/// <param name="PendingMigrations">The versions not yet applied (empty when ready).</param>
/// <param name="Replicas">Each configured read replica, in configuration order (empty on DuckDB).</param>
/// <param name="Error">Why the primary could not be checked, when it could not.</param>
public sealed record WarehouseStatus(
    EngineKind Engine,
    bool Reachable,
    bool MigrationsApplied,
    IReadOnlyList<string> PendingMigrations,
    IReadOnlyList<ReplicaStatus> Replicas,
    string? Error)
{
    /// <summary>Ready to serve: primary reachable and fully migrated. A replica being down is not unreadiness: reads fall back.</summary>
    public bool Ready => Reachable && MigrationsApplied;
}

/// <summary>The health of one read replica.</summary>
/// <param name="Name">A name safe to show (host and port, never credentials).</param>
/// <param name="Reachable">Whether it answered.</param>
/// <param name="Lag">How far its replay is behind the primary; zero when caught up; null when unknown.</param>
/// <param name="InUse">Whether reads are currently routed to it (reachable and within the lag bound).</param>
public sealed record ReplicaStatus(string Name, bool Reachable, TimeSpan? Lag, bool InUse);

/// <summary>What a migration run did.</summary>
/// <param name="Applied">The versions this run applied, in order.</param>
/// <param name="AlreadyApplied">How many were already applied before this run.</param>
public sealed record MigrationReport(IReadOnlyList<string> Applied, int AlreadyApplied);
