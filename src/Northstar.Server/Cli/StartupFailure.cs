using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Options;
using Northstar.Warehouse;
using Northstar.Warehouse.Migrations;

namespace Northstar.Server.Cli;

/// <summary>
/// Turns what stopped a verb into a sentence for the person at the console: the settings at fault, or what the
/// warehouse said. Never a stack trace; the log has the details.
/// </summary>
internal static class StartupFailure
{
    /// <summary>
    /// Whether this assembly is the process's entry point, and so owns the console. When something else runs the
    /// entry point in-process (WebApplicationFactory in tests, design-time tools), failures must propagate to it.
    /// </summary>
    public static bool OwnsTheConsole { get; } = Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static string Describe(Exception exception) => Unwrap(exception) switch
    {
        OptionsValidationException invalid => Settings(invalid.Failures),
        WarehouseConfigurationException invalid => Settings(invalid.Problems),
        MigrationException failed => $"Northstar could not migrate the warehouse: {failed.Message}",
        DbException failed => $"Northstar could not use the warehouse: {failed.Message}",
        var other => $"Northstar stopped: {other.Message}",
    };

    private static string Settings(IEnumerable<string> problems) =>
        "Northstar's configuration is not valid:" + string.Concat(problems.Select(problem => $"{Environment.NewLine}  - {problem}"));

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
