namespace Northstar.Server.Extensions;

internal static class LoggingExtensions
{
    /// <summary>One JSON object per log line on the console, UTC timestamps, for log collectors to parse.</summary>
    public static IHostApplicationBuilder AddStructuredLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
