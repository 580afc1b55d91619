using Northstar.Server.Tests.Support;
using Northstar.Warehouse;

namespace Northstar.Server.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Migrate_applies_the_migrations_prints_them_and_exits_zero()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");

        var first = await ServerProcess.RunAsync(folder.Path, "migrate", $"--Northstar:Database:DataDirectory={data}");
        var second = await ServerProcess.RunAsync(folder.Path, "migrate", $"--Northstar:Database:DataDirectory={data}");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Matches(@"^Applied \d+ migrations to the DuckDB warehouse \(0 applied earlier\):", first.Output);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Matches(@"^The DuckDB warehouse is up to date \(\d+ migrations applied earlier\)\.", second.Output);
        await using var warehouse = WarehouseFactory.Create(new WarehouseOptions { DataDirectory = data });
        var status = await warehouse.CheckAsync();
        Assert.True(status.MigrationsApplied, string.Join(", ", status.PendingMigrations));
    }

    [Fact]
    public async Task Migrate_uses_the_data_folder_relative_to_the_current_directory_by_default()
    {
        using var folder = new TempFolder();

        var result = await ServerProcess.RunAsync(folder.Path, "migrate");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(folder.Path, "data", "northstar.duckdb")));
    }

    [Fact]
    public async Task Migrate_with_an_invalid_setting_exits_one_naming_it_without_a_stack_trace()
    {
        using var folder = new TempFolder();

        var result = await ServerProcess.RunAsync(folder.Path, "migrate", "--Northstar:Database:Engine=postgres");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Northstar:Database:ConnectionString is required", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_with_an_invalid_setting_stops_with_a_message_naming_it_without_a_stack_trace()
    {
        using var folder = new TempFolder();

        var result = await ServerProcess.RunAsync(folder.Path, "--urls", "http://127.0.0.1:0", "--Northstar:Database:Engine=postgres");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Northstar:Database:ConnectionString is required", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        using var folder = new TempFolder();

        var result = await ServerProcess.RunAsync(folder.Path, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("serve", result.Output, StringComparison.Ordinal);
        Assert.Contains("migrate", result.Output, StringComparison.Ordinal);
    }
}
