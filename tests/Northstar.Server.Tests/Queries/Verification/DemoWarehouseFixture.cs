using Northstar.Server.Tests.Ingest;

namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>
/// A class fixture holding the demo of one engine (<see cref="DemoWarehouse"/>), loaded once on first use (so a class
/// whose tests are all skipped loads nothing) and shared by every test of the class: <see cref="Facts"/> reads the fact
/// tables only, <see cref="Rollups"/> serves the same data with rollups on.
/// </summary>
public abstract class DemoWarehouseFixture : IAsyncLifetime
{
    private readonly Lazy<Task<DemoWarehouse>> _facts;
    private readonly Lazy<Task<DemoWarehouse>> _rollups;

    protected DemoWarehouseFixture(TestEngine engine)
    {
        _facts = new(() => DemoWarehouse.StartAsync(engine));
        _rollups = new(async () => await (await _facts.Value).WithRollupsAsync());
    }

    public Task<DemoWarehouse> Facts => _facts.Value;

    public Task<DemoWarehouse> Rollups => _rollups.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The rollups' app reads the facts' database: it goes first.
        foreach (var warehouse in new[] { _rollups, _facts })
        {
            if (warehouse.IsValueCreated && warehouse.Value.IsCompletedSuccessfully)
                await (await warehouse.Value).DisposeAsync();
        }
    }
}

/// <summary>The demo on DuckDB.</summary>
public sealed class DuckDbDemo() : DemoWarehouseFixture(TestEngine.DuckDb);

/// <summary>The demo on PostgreSQL.</summary>
public sealed class PostgresDemo() : DemoWarehouseFixture(TestEngine.Postgres);
