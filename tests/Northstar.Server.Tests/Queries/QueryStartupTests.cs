using Northstar.Server.Queries;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Queries;

/// <summary>What the query path checks when the server starts: the model files and the query options.</summary>
public sealed class QueryStartupTests
{
    [Fact]
    public void An_invalid_model_stops_the_start_naming_every_problem_with_file_and_line()
    {
        using var data = new TempFolder();
        using var model = new TempFolder();
        File.WriteAllText(Path.Combine(model.Path, "a.yaml"), "subjects:\n  broken:\n    label: Broken\n");
        File.WriteAllText(Path.Combine(model.Path, "b.yaml"), "company:\n  time_zone: America/Chicago\nnonsense: 1\n");
        var settings = NorthstarAppFactory.DuckDbSettings(data.Path);
        settings["Northstar:Model:Path"] = model.Path;
        using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var load = Assert.IsType<ModelLoadException>(Innermost<ModelLoadException>(failure));
        Assert.Contains("a.yaml:2", load.Message, StringComparison.Ordinal);
        Assert.Contains("b.yaml:3", load.Message, StringComparison.Ordinal);
        Assert.Contains("subjects.broken", load.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_folder_stops_the_start_naming_it()
    {
        using var data = new TempFolder();
        var settings = NorthstarAppFactory.DuckDbSettings(data.Path);
        settings["Northstar:Model:Path"] = Path.Combine(data.Path, "no-model-here");
        using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("no-model-here", Innermost<ModelLoadException>(failure)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_options_out_of_bounds_stop_the_start_naming_the_setting()
    {
        using var data = new TempFolder();
        var settings = NorthstarAppFactory.DuckDbSettings(data.Path);
        settings["Northstar:Query:MaxRows"] = "0";
        settings["Northstar:Query:BatchParallelism"] = "1000";
        using var factory = new NorthstarAppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var text = failure.ToString();
        Assert.Contains("Northstar:Query:MaxRows must be between 1 and 1,000,000", text, StringComparison.Ordinal);
        Assert.Contains("Northstar:Query:BatchParallelism must be between 1 and 64", text, StringComparison.Ordinal);
    }

    private static T? Innermost<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
                return found;
            if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
                return Innermost<T>(aggregate.InnerExceptions[0]);
        }

        return null;
    }
}
