namespace Northstar.Testing;

/// <summary>A fact that needs the PostgreSQL primary (<c>NORTHSTAR_TEST_PG</c>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestServices.SkipReason("NORTHSTAR_TEST_PG", TestServices.PostgresPrimary);
}

/// <summary>A theory that needs the PostgreSQL primary (<c>NORTHSTAR_TEST_PG</c>).</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestServices.SkipReason("NORTHSTAR_TEST_PG", TestServices.PostgresPrimary);
}

/// <summary>A fact that needs the PostgreSQL primary and its replica (<c>NORTHSTAR_TEST_PG_REPLICA</c>).</summary>
public sealed class PostgresReplicaFactAttribute : FactAttribute
{
    public PostgresReplicaFactAttribute() =>
        Skip = TestServices.SkipReason("NORTHSTAR_TEST_PG", TestServices.PostgresPrimary)
            ?? TestServices.SkipReason("NORTHSTAR_TEST_PG_REPLICA", TestServices.PostgresReplica)
            ?? TestServices.SkipReason("NORTHSTAR_TEST_PG_BIN", TestServices.PostgresBin);
}

/// <summary>A fact that needs Redis (<c>NORTHSTAR_TEST_REDIS</c>).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() => Skip = TestServices.SkipReason("NORTHSTAR_TEST_REDIS", TestServices.Redis);
}

/// <summary>A fact that needs Chromium (<c>/usr/bin/chromium</c> or <c>NORTHSTAR_TEST_CHROMIUM</c>).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = TestServices.SkipReason("NORTHSTAR_TEST_CHROMIUM", TestServices.Chromium);
}
