using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Northstar.Server.Ingest;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Ingest;

public sealed class IngestOptionsTests
{
    [Fact]
    public void Sources_bind_from_the_ingest_section_with_the_default_limits()
    {
        var options = Bind(new() { ["Northstar:Ingest:Sources:evergreen-pos:Secret"] = new string('s', 32) });

        Assert.Equal(new string('s', 32), Assert.Single(options.Sources).Value.Secret);
        Assert.Equal(5 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(1000, options.MaxEventsPerRequest);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ProcessingInterval);
    }

    [Fact]
    public void A_short_secret_is_refused_naming_the_setting_without_echoing_it()
    {
        const string ShortSecret = "only-31-characters-long-secret!";

        var failure = Assert.Throws<OptionsValidationException>(
            () => Bind(new() { ["Northstar:Ingest:Sources:crm:Secret"] = ShortSecret }));

        Assert.Contains("Northstar:Ingest:Sources:crm:Secret must be at least 32 characters", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortSecret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Northstar:Ingest:MaxBodyBytes"] = "0",
            ["Northstar:Ingest:MaxEventsPerRequest"] = "-1",
        }));

        Assert.Contains("Northstar:Ingest:MaxBodyBytes", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Northstar:Ingest:MaxEventsPerRequest", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:01:01")]
    public void The_processing_interval_is_refused_outside_zero_to_a_minute(string interval)
    {
        var failure = Assert.Throws<OptionsValidationException>(
            () => Bind(new() { ["Northstar:Ingest:ProcessingInterval"] = interval }));

        Assert.Contains("Northstar:Ingest:ProcessingInterval must be between 00:00:00 and 00:01:00", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_does_not_start_with_a_short_secret()
    {
        using var folder = new TempFolder();
        var settings = NorthstarAppFactory.DuckDbSettings(folder.Path);
        settings["Northstar:Ingest:Sources:crm:Secret"] = "too-short";
        await using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Northstar:Ingest:Sources:crm:Secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_does_not_start_with_upload_limits_that_are_not_positive()
    {
        using var folder = new TempFolder();
        var settings = NorthstarAppFactory.DuckDbSettings(folder.Path);
        settings["Northstar:Ingest:Files:MaxFileBytes"] = "0";
        settings["Northstar:Ingest:Files:MaxColumns"] = "-3";
        await using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Northstar:Ingest:Files:MaxFileBytes must be a positive number", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Northstar:Ingest:Files:MaxColumns must be a positive number", failure.Message, StringComparison.Ordinal);
    }

    private static IngestOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<IngestOptions>>().Value;
    }
}
