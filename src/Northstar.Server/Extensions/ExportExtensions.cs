using Microsoft.Extensions.Options;
using Northstar.Server.Exports;
using Northstar.Server.Queries;

namespace Northstar.Server.Extensions;

internal static class ExportExtensions
{
    /// <summary>
    /// Exports: options (<c>Northstar:Export</c>, validated at start-up) and the CSV exporter, which runs specs on the
    /// query path (same compiler, scope, cache) with the export's row bound instead of the screen's.
    /// </summary>
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExportOptions>()
            .BindConfiguration(ExportOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>();
        builder.Services.AddSingleton(services =>
        {
            var maxRows = services.GetRequiredService<IOptions<ExportOptions>>().Value.MaxRows;
            // The query settings as configured, but room for one row more than an export may have: that row tells a
            // too-large export from one that fits exactly.
            var queryOptions = new QueryOptions();
            services.GetRequiredService<IConfiguration>().GetSection(QueryOptions.SectionName).Bind(queryOptions);
            queryOptions.MaxRows = maxRows + 1;
            var queries = ActivatorUtilities.CreateInstance<QueryService>(services, Microsoft.Extensions.Options.Options.Create(queryOptions));
            return new CsvExporter(queries, maxRows);
        });
        return builder;
    }
}
