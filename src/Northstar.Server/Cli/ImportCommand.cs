using System.CommandLine;
using Northstar.Core.Rollups;
using Northstar.Ingest;
using Northstar.Ingest.Files;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Ingest;
using Northstar.Server.Startup;
using Northstar.Warehouse;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Northstar.Server.Cli;

/// <summary>
/// <c>northstar import &lt;entity&gt; &lt;file&gt; [--map field=Column ...] [--format auto|csv|jsonl] [--delimiter ;]
/// [--date-format yyyyMMdd] [--decimal-separator ,] [--time-zone Europe/Paris] [--on-error fail|skip]</c>: checks the whole
/// file, reports every bad row by line and column, then (unless a bad row and <c>fail</c>) loads it through the ingest
/// pipeline's bulk path into gold. Importing the same file again changes nothing.
/// </summary>
internal static class ImportCommand
{
    private static readonly Argument<string> Entity = new("entity") { Description = $"What the file holds: {string.Join(", ", EntityNames.All)}." };
    private static readonly Argument<FileInfo> File = new("file") { Description = "A CSV or JSON-lines file." };
    private static readonly Option<string[]> Maps = new("--map") { Description = "field=Column: which file column holds one of our fields.", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string> Format = new Option<string>("--format") { Description = "auto (by extension and content), csv or jsonl.", DefaultValueFactory = _ => "auto" }
        .AcceptOnlyFromAmong("auto", "csv", "jsonl");
    private static readonly Option<string?> Delimiter = new("--delimiter") { Description = "The CSV delimiter, one character; tab as \\t (detected when not given)." };
    private static readonly Option<string?> DateFormat = new("--date-format") { Description = "A .NET date format such as yyyyMMdd or dd/MM/yyyy HH:mm (ISO 8601 always works)." };
    private static readonly Option<string> DecimalSeparator = new Option<string>("--decimal-separator") { Description = ". or ,", DefaultValueFactory = _ => "." }
        .AcceptOnlyFromAmong(".", ",");
    private static readonly Option<string> TimeZone = new("--time-zone") { Description = "IANA time zone of local times without an offset.", DefaultValueFactory = _ => "UTC" };
    private static readonly Option<string> OnError = new Option<string>("--on-error") { Description = "fail: write nothing when a row is bad; skip: write the good rows.", DefaultValueFactory = _ => "fail" }
        .AcceptOnlyFromAmong("fail", "skip");

    public static Command Create()
    {
        var import = new Command("import", "Import a CSV or JSON-lines file of one entity into the warehouse.")
        {
            Entity, File, Maps, Format, Delimiter, DateFormat, DecimalSeparator, TimeZone, OnError,
        };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction(RunAsync);
        return import;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parseResult.InvocationConfiguration.Output) });
        if (!EntityNames.TryParse(parseResult.GetValue(Entity), out var entity))
        {
            await error.WriteLineAsync($"import: unknown entity '{parseResult.GetValue(Entity)}'; one of: {string.Join(", ", EntityNames.All)}.");
            return 2;
        }

        var file = parseResult.GetRequiredValue(File);
        try
        {
            var options = new FileImportArguments
            {
                Maps = parseResult.GetValue(Maps) ?? [],
                Format = parseResult.GetValue(Format),
                Delimiter = parseResult.GetValue(Delimiter),
                DateFormat = parseResult.GetValue(DateFormat),
                DecimalSeparator = parseResult.GetValue(DecimalSeparator),
                TimeZone = parseResult.GetValue(TimeZone),
                OnError = parseResult.GetValue(OnError),
            }.ToOptions(entity, FileImportLimits.Default);

            await using var app = CliHost.Build(parseResult.UnmatchedTokens);
            var warehouse = app.Services.GetRequiredService<IWarehouse>();
            var rollups = app.Services.GetRequiredService<RollupMaintenance>();
            await WarehousePreparation.PrepareAsync(warehouse, rollups, cancellationToken);
            using var pipeline = new IngestPipeline(warehouse, app.Services.GetRequiredService<ILoggerFactory>(), rollups);
            return await ImportAsync(console, error, file.FullName, options, pipeline, cancellationToken);
        }
        catch (Exception e) when (e is FileImportException or FileImportArgumentException or ArgumentException)
        {
            await error.WriteLineAsync($"import: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(
        IAnsiConsole console, TextWriter error, string path, FileImportOptions options, IngestPipeline pipeline, CancellationToken cancellationToken)
    {
        FileImportOutcome? outcome = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsPerSecondColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var steps = new ProgressSteps(context);
                outcome = await new FileImporter(pipeline).RunAsync(path, options, steps, cancellationToken);
                steps.Complete();
            });

        var result = outcome!.Checked;
        if (result.IgnoredColumns.Count > 0)
            console.MarkupLineInterpolated($"[grey]Ignored columns: {string.Join(", ", result.IgnoredColumns)}[/]");
        foreach (var issue in result.Issues)
            await error.WriteLineAsync(issue.ToString());
        if (result.IssueCount > result.Issues.Count)
            await error.WriteLineAsync($"... and {result.IssueCount - result.Issues.Count:N0} more.");
        if (!result.CanImport)
        {
            await error.WriteLineAsync($"import: {result.BadRows:N0} bad rows in {Path.GetFileName(path)}; nothing was imported (--on-error skip writes the good rows).");
            return 1;
        }

        console.MarkupLineInterpolated(
            $"{result.Rows:N0} rows, {result.Events:N0} {EntityNames.Of(options.Entity)}: {outcome.Accepted!.Accepted:N0} new, {outcome.Accepted.Duplicates:N0} already imported, {result.BadRows:N0} bad rows skipped; {outcome.Processed!.TotalProcessed:N0} applied to gold, {outcome.Processed.Rejected:N0} to data quality.");
        return 0;
    }

    private static Progress<FileImportProgress> Report(ProgressTask task) => new(progress =>
    {
        task.MaxValue = Math.Max(1, progress.TotalBytes);
        task.Value = progress.Bytes;
        task.State.Update<long>("rows", _ => progress.Rows);
    });

    /// <summary>One progress task per step of the import, each completed when the next starts.</summary>
    private sealed class ProgressSteps(ProgressContext context) : IFileImportObserver
    {
        private ProgressTask? _current;

        public IProgress<FileImportProgress> Checking(string fileName) => Report(Start($"checking {fileName}"));

        public IProgress<FileImportProgress> Loading() => Report(Start("loading into bronze"));

        public void Transforming() => Start("bronze → silver → gold").IsIndeterminate();

        public void Complete()
        {
            if (_current is null)
                return;
            _current.IsIndeterminate(false);
            _current.Value = _current.MaxValue;
        }

        private ProgressTask Start(string description)
        {
            Complete();
            _current = context.AddTask(description);
            return _current;
        }
    }

    /// <summary>Rows per second of a task, from the row count its progress callback records.</summary>
    private sealed class RowsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var rows = task.State.Get<long>("rows");
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            return new Text(seconds > 0 && rows > 0 ? $"{rows / seconds:N0} rows/s" : "");
        }
    }
}
