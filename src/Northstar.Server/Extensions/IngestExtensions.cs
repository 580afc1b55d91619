using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Northstar.Ingest.Pipeline;
using Northstar.Ingest.Webhooks;
using Northstar.Server.Ingest;

namespace Northstar.Server.Extensions;

internal static class IngestExtensions
{
    /// <summary>
    /// The ingest pipeline of the warehouse, webhook signature checks over the configured sources (validated at
    /// start-up), and the background processor that moves accepted events on to silver and gold.
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.AddOptions<FileUploadOptions>()
            .BindConfiguration(FileUploadOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FileUploadOptions>, FileUploadOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IngestPipeline>();
        builder.Services.AddSingleton(services => new WebhookVerifier(
            services.GetRequiredService<IOptions<IngestOptions>>().Value.Sources
                .ToDictionary(source => source.Key, source => source.Value.Secret ?? "", StringComparer.OrdinalIgnoreCase),
            services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ProcessingSignal>();
        builder.Services.AddHostedService<IngestProcessor>();
        return builder;
    }
}
