using Northstar.Server.Telemetry;

namespace Northstar.Server.Tests.Telemetry;

public sealed class RequestLogTests
{
    private static readonly RequestRecord Request = new(DateTimeOffset.UnixEpoch, "GET", "/api/info", 200, 1.5);

    [Fact]
    public void A_full_queue_drops_and_counts_the_requests_it_cannot_hold_instead_of_waiting()
    {
        var log = new RequestLog(Microsoft.Extensions.Options.Options.Create(new TelemetryOptions { QueueCapacity = 100 }));

        var added = Enumerable.Range(0, 150).Count(_ => log.TryAdd(Request));

        Assert.Equal(100, added);
        Assert.Equal(50, log.Dropped);
        Assert.Equal(100, log.Take(1000).Count);
        Assert.True(log.TryAdd(Request), "a drained queue takes requests again");
        Assert.Equal(50, log.Dropped);
    }

    [Fact]
    public void Take_hands_out_the_oldest_requests_first_and_at_most_as_many_as_asked()
    {
        var log = new RequestLog(Microsoft.Extensions.Options.Options.Create(new TelemetryOptions()));
        for (var i = 0; i < 5; i++)
            log.TryAdd(Request with { DurationMs = i });

        Assert.Equal([0.0, 1.0, 2.0], log.Take(3).Select(request => request.DurationMs));
        Assert.Equal([3.0, 4.0], log.Take(3).Select(request => request.DurationMs));
        Assert.Empty(log.Take(3));
    }

    [Theory]
    [InlineData(0, 50_000, "Northstar:Telemetry:FlushSeconds must be between 1 and 3600")]
    [InlineData(5, 10, "Northstar:Telemetry:QueueCapacity must be between 100 and 10000000")]
    public void Options_out_of_bounds_are_refused_naming_the_setting(int flushSeconds, int capacity, string problem)
    {
        var options = new TelemetryOptions { FlushSeconds = flushSeconds, QueueCapacity = capacity };

        Assert.Contains(options.Validate(), message => message.StartsWith(problem, StringComparison.Ordinal));
        Assert.Empty(new TelemetryOptions().Validate());
        Assert.Equal(Environment.MachineName, new TelemetryOptions().NodeName);
    }
}
