using Microsoft.Extensions.Options;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Square;
using Northstar.Server.Ingest;

namespace Northstar.Server.Extensions;

internal static class SquareSyncExtensions
{
    /// <summary>
    /// The Square-format POS sync (<c>Northstar:Sync:Square</c>): its options, checked at start-up when enabled, the
    /// sync itself over a typed HTTP client, and the schedule that runs it while the server serves.
    /// </summary>
    public static IHostApplicationBuilder AddSquareSync(this IHostApplicationBuilder builder, bool scheduled)
    {
        builder.Services.AddOptions<SquareOptions>()
            .BindConfiguration(SquareOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SquareOptions>, SquareOptionsValidator>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<SquareOptions>>().Value);
        builder.Services.AddSingleton<SyncStateStore>();
        builder.Services.AddSingleton<ISquareOrderSink>(services => new IngestPipelineOrderSink(services.GetRequiredService<IngestPipeline>()));
        builder.Services.AddHttpClient<SquareSync>();
        if (scheduled)
            builder.Services.AddHostedService<SquareSyncSchedule>();
        return builder;
    }

    /// <summary>Reports each problem of an enabled Square sync as the sentence naming its setting.</summary>
    private sealed class SquareOptionsValidator : IValidateOptions<SquareOptions>
    {
        public ValidateOptionsResult Validate(string? name, SquareOptions options) =>
            options.Enabled && options.Validate() is { Count: > 0 } problems
                ? ValidateOptionsResult.Fail(problems)
                : ValidateOptionsResult.Success;
    }
}
