using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Northstar.Server.Live;
using Northstar.Server.Options;
using Northstar.Server.Redis;

namespace Northstar.Server.Extensions;

internal static class LiveExtensions
{
    /// <summary>
    /// Live updates: options (<c>Northstar:Live</c>, validated at start-up), SignalR, the backplane (Redis when
    /// <c>Northstar:Redis</c> is set, else in process), the registry of this node's clients and subscriptions, the
    /// scheduler that recomputes them on data changes, the fan-out to clients and the guard of their credentials.
    /// Register after the queries and the ingest pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>()
            .BindConfiguration(LiveOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>();
        builder.Services.AddSignalR();
        builder.Services.TryAddSingleton(services => new LiveClock(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ILiveBackplane>(services =>
            services.GetRequiredService<OptionalRedis>().Connection is { } redis
                ? new RedisLiveBackplane(redis, LiveClusterName.Of(services.GetRequiredService<IOptions<NorthstarOptions>>().Value.Database))
                : new InProcessLiveBackplane());
        builder.Services.AddSingleton<LiveRegistry>();
        builder.Services.AddSingleton<LiveCounters>();
        builder.Services.AddSingleton<LiveSubscriptions>();
        builder.Services.AddSingleton<LiveGuard>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveGuard>());
        builder.Services.AddSingleton<LiveScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveScheduler>());
        builder.Services.AddHostedService<LiveFanOut>();
        return builder;
    }
}
