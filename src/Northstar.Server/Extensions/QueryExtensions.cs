using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Northstar.Server.Queries;
using Northstar.Server.Redis;
using Northstar.Warehouse;
using Northstar.Warehouse.Queries;

namespace Northstar.Server.Extensions;

internal static class QueryExtensions
{
    /// <summary>
    /// The query path: options (<c>Northstar:Query</c>, validated at start-up), the runner over the warehouse, data
    /// versions, the answer cache (memory, plus Redis when <c>Northstar:Redis</c> is set), the service and the batch runner.
    /// </summary>
    public static IHostApplicationBuilder AddQueries(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryOptions>()
            .BindConfiguration(QueryOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QueryOptions>, QueryOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new QueryRunner(
            services.GetRequiredService<IWarehouse>(),
            TimeSpan.FromSeconds(services.GetRequiredService<IOptions<QueryOptions>>().Value.StatementTimeoutSeconds)));
        builder.Services.AddSingleton<DataVersions>();
        builder.Services.AddSingleton<OptionalRedis>();
        builder.Services.AddSingleton(services =>
            services.GetRequiredService<OptionalRedis>().Connection is { } redis
                ? new AnswerCache(services.GetRequiredService<IOptions<QueryOptions>>(), new RedisAnswerStore(redis))
                : new AnswerCache(services.GetRequiredService<IOptions<QueryOptions>>()));
        builder.Services.AddSingleton<QueryService>();
        builder.Services.AddSingleton<BatchRunner>();
        builder.Services.AddSingleton(services => ModelResponse.Describe(services.GetRequiredService<LoadedModel>().Model));
        return builder;
    }
}
