using Northstar.Server.Dashboards;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Dashboards;

/// <summary>The server does not start with an invalid dashboard, and says why with the file and the path.</summary>
public sealed class DashboardStartupTests
{
    [Fact]
    public void An_invalid_dashboard_stops_the_start_naming_every_problem_with_file_and_path()
    {
        using var data = new TempFolder();
        using var dashboards = new DashboardFolder().With("sales", """
            title: Sales
            tiles:
              - { id: a, title: A, viz: kpi, position: { x: 0, y: 0, w: 3, h: 2 }, spec: { metrics: [revnue] } }
              - { id: b, title: B, viz: donut, position: { x: 3, y: 0, w: 3, h: 2 }, spec: { metrics: [revenue] } }
            """);
        var settings = NorthstarAppFactory.DuckDbSettings(data.Path);
        settings["Northstar:Dashboards:Path"] = dashboards.Path;
        using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var load = Innermost(failure);
        Assert.NotNull(load);
        Assert.Contains("dashboards/sales.yaml: tiles[0].spec.metrics[0]: ", load.Message, StringComparison.Ordinal);
        Assert.Contains("dashboards/sales.yaml: tiles[1].viz: 'donut' is not a visualization", load.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_dashboards_path_is_read_from_the_content_root()
    {
        using var data = new TempFolder();
        var settings = NorthstarAppFactory.DuckDbSettings(data.Path);
        settings["Northstar:Dashboards:Path"] = "no-such-dashboards";
        using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "no-such-dashboards"), Innermost(failure)?.Message, StringComparison.Ordinal);
    }

    private static DashboardLoadException? Innermost(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DashboardLoadException found)
                return found;
            if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
                return Innermost(aggregate.InnerExceptions[0]);
        }

        return null;
    }
}
