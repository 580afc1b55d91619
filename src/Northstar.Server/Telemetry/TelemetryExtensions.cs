using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Northstar.Server.Queries;
using Northstar.Warehouse;

namespace Northstar.Server.Telemetry;

/// <summary>The server's own telemetry (docs/telemetry.md): request latency and status, and live connections.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Options (<c>Northstar:Telemetry</c>, validated at start-up), the request log, the live connection gauge, the
    /// warehouse store, and the two background services that write requests every few seconds and connection samples
    /// every minute.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTelemetry();
        return builder;
    }

    /// <summary>
    /// Records each <c>/api/</c> and <c>/hubs/</c> request (when <c>Northstar:Telemetry:Enabled</c>). Call it first, before
    /// any middleware that may answer or fail a request, so that it sees the final status code of every request.
    /// </summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled)
            app.UseMiddleware<RequestTelemetryMiddleware>();
        return app;
    }

    /// <summary>The services of <see cref="AddTelemetry(IHostApplicationBuilder)"/>.</summary>
    internal static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RequestLog>();
        services.AddSingleton<LiveConnectionGauge>();
        services.AddSingleton(provider => new TelemetryStore(
            provider.GetRequiredService<IWarehouse>(),
            provider.GetRequiredService<LoadedModel>(),
            provider.GetRequiredService<IOptions<TelemetryOptions>>().Value.NodeName));
        services.AddSingleton<TelemetryWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<TelemetryWriter>());
        services.AddSingleton<LiveConnectionSampler>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveConnectionSampler>());
        return services;
    }

    /// <summary>Reports each problem of the options as the sentence naming its setting.</summary>
    private sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
