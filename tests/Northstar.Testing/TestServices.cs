namespace Northstar.Testing;

/// <summary>
/// The real services that <c>scripts/test</c> (or <c>scripts/services up</c>) starts, found through the
/// environment variables it exports. A test that needs a service and finds none is skipped locally with the
/// reason, and fails on CI (<c>CI=true</c>), where a missing service is a broken rig, not a reason to skip.
/// </summary>
public static class TestServices
{
    /// <summary>Connection string of the PostgreSQL primary (superuser, trust auth on loopback).</summary>
    public static string? PostgresPrimary => Get("NORTHSTAR_TEST_PG");

    /// <summary>Connection string of the PostgreSQL streaming replica of <see cref="PostgresPrimary"/>.</summary>
    public static string? PostgresReplica => Get("NORTHSTAR_TEST_PG_REPLICA");

    /// <summary>The folder holding the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup).</summary>
    public static string? PostgresBin => Get("NORTHSTAR_TEST_PG_BIN");

    /// <summary>Redis address, <c>host:port</c>.</summary>
    public static string? Redis => Get("NORTHSTAR_TEST_REDIS");

    /// <summary>Path of the Chromium executable for browser tests.</summary>
    public static string? Chromium => Get("NORTHSTAR_TEST_CHROMIUM") ?? (File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null);

    /// <summary>Whether this run is on CI, where a missing service fails the test instead of skipping it.</summary>
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason to skip when the variable is missing locally; null when the test must run.</summary>
    internal static string? SkipReason(string variable, string? value) =>
        value is null && !OnCi ? $"{variable} is not set: run the tests through scripts/test, or start scripts/services up" : null;

    /// <summary>Returns the value, or throws with a clear message (on CI a missing service must fail, not skip).</summary>
    public static string Require(string? value, string variable) =>
        value ?? throw new InvalidOperationException($"{variable} is not set: scripts/test starts the service and exports it.");

    private static string? Get(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
