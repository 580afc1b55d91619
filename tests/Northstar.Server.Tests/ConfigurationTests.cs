using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Northstar.Server.Extensions;
using Northstar.Server.Options;
using Northstar.Warehouse;

namespace Northstar.Server.Tests;

/// <summary>The "Northstar" section as the server binds and validates it (the CLI tests show a failure stopping the process).</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void The_defaults_are_embedded_duckdb_in_a_data_folder_under_the_current_directory()
    {
        var options = Bind([]);

        Assert.Equal(EngineKind.DuckDb, options.Database.EngineKind);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data"), options.Database.ResolveDataDirectory());
        Assert.Null(options.Redis);
    }

    [Fact]
    public void Postgres_settings_with_replicas_bind_from_the_northstar_section()
    {
        var options = Bind(new()
        {
            ["Northstar:Database:Engine"] = "postgres",
            ["Northstar:Database:ConnectionString"] = "Host=db1;Username=northstar",
            ["Northstar:Database:Replicas:0"] = "Host=db2;Username=northstar",
            ["Northstar:Database:MaxReplicaLag"] = "00:00:10",
            ["Northstar:Redis"] = "cache:6379,abortConnect=false",
        });

        Assert.Equal(EngineKind.PostgreSql, options.Database.EngineKind);
        Assert.Equal(["Host=db2;Username=northstar"], options.Database.Replicas);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Database.MaxReplicaLag);
        Assert.Equal("cache:6379,abortConnect=false", options.Redis);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_naming_the_setting()
    {
        var failures = Failures(new() { ["Northstar:Database:Engine"] = "postgres" });

        Assert.Equal(["Northstar:Database:ConnectionString is required when Engine is postgres."], failures);
    }

    [Fact]
    public void An_unknown_engine_is_refused_naming_the_setting()
    {
        var failures = Failures(new() { ["Northstar:Database:Engine"] = "oracle" });

        Assert.Contains(failures, message => message.StartsWith("Northstar:Database:Engine must be", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_redis_address_is_refused_naming_the_setting_without_echoing_it()
    {
        var failures = Failures(new() { ["Northstar:Redis"] = "password=hunter2" });

        var message = Assert.Single(failures);
        Assert.StartsWith("Northstar:Redis must be host:port", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiles.example.com/{z}/{x}/{y}.png")]
    [InlineData("ftp://tiles.example.com/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.com/{z}/{x}.png")]
    public void A_map_tile_url_that_is_not_an_http_template_is_refused_naming_the_setting(string url)
    {
        var message = Assert.Single(Failures(new() { ["Northstar:MapTileUrl"] = url }));

        Assert.StartsWith("Northstar:MapTileUrl must be an http(s) URL template", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_tile_url_template_is_accepted()
    {
        var options = Bind(new() { ["Northstar:MapTileUrl"] = "https://tiles.example.com/{z}/{x}/{y}.png" });

        Assert.Equal("https://tiles.example.com/{z}/{x}/{y}.png", options.MapTileUrl);
    }

    [Fact]
    public void An_empty_redis_setting_means_no_redis()
    {
        var options = Bind(new() { ["Northstar:Redis"] = "" });

        Assert.True(string.IsNullOrEmpty(options.Redis));
    }

    private static NorthstarOptions Bind(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<NorthstarOptions>>().Value;
    }

    private static IReadOnlyList<string> Failures(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<NorthstarOptions>>().Value);
        return [.. failure.Failures];
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNorthstarOptions();
        return builder.Services.BuildServiceProvider();
    }
}
