using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Northstar.Server.Queries;
using Northstar.Server.Telemetry;
using Northstar.Server.Tests.Support;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Telemetry;

/// <summary>
/// The writer against a real DuckDB warehouse that cannot take the rows yet (not migrated): flushes fail without throwing,
/// the outage is logged once, not once per flush, and its end once, with the rows lost meanwhile.
/// </summary>
public sealed class TelemetryWriterTests
{
    private static readonly RequestRecord Request = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero), "GET", "/api/info", 200, 2.5);

    [Fact]
    public async Task A_failing_warehouse_is_logged_once_per_outage_and_never_throws()
    {
        using var folder = new TempFolder();
        await using var warehouse = WarehouseFactory.Create(new WarehouseOptions { DataDirectory = folder.Path });
        var logs = new LogSink();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging(logging => logging.AddProvider(logs))
            .AddSingleton(ModelLoader.Load(Path.Combine(AppContext.BaseDirectory, "model")))
            .AddSingleton(warehouse)
            .AddSingleton<TimeProvider>(TimeProvider.System)
            .AddTelemetry()
            .BuildServiceProvider();
        var log = services.GetRequiredService<RequestLog>();
        var writer = services.GetRequiredService<TelemetryWriter>();

        for (var i = 0; i < 3; i++)
        {
            log.TryAdd(Request);
            Assert.Equal(0, await writer.FlushAsync(CancellationToken.None));
        }

        Assert.Single(logs.Messages, message => message.StartsWith("Writing request telemetry to the warehouse failed", StringComparison.Ordinal));
        await warehouse.MigrateAsync();
        log.TryAdd(Request);
        log.TryAdd(Request);

        Assert.Equal(2, await writer.FlushAsync(CancellationToken.None));
        Assert.Contains("Writing request telemetry to the warehouse works again; 3 rows were lost meanwhile", logs.Messages);
        Assert.Equal(0, await writer.FlushAsync(CancellationToken.None));
        Assert.Single(logs.Messages, message => message.StartsWith("Writing request telemetry", StringComparison.Ordinal)
                                                && message.Contains("failed", StringComparison.Ordinal));
    }

    /// <summary>Keeps the formatted messages of every log entry.</summary>
    private sealed class LogSink : ILoggerProvider, ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                    return [.. _messages];
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
                _messages.Add(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
