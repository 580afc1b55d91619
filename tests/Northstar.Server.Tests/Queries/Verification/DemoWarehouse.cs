using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Ingest;
using Northstar.Ingest.Demo;
using Northstar.Ingest.Pipeline;
using Northstar.Server.Accounts;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;
using Northstar.Warehouse;

namespace Northstar.Server.Tests.Queries.Verification;

/// <summary>
/// The real app on a warehouse of its own (a DuckDB temp folder or a PostgreSQL test database) holding a small demo
/// company, loaded once through the ingest pipeline, reading the fact tables only; <see cref="WithRollupsAsync"/> serves
/// the same data from a second app that uses the rollups. The clock is fixed on the day after the demo's last day.
/// </summary>
public sealed class DemoWarehouse : IAsyncDisposable
{
    /// <summary>
    /// 2025-12-01 to 2026-01-31: a year boundary and the holiday promotions (discounts) inside; three branches (filters
    /// take two); 150 orders a day.
    /// </summary>
    public static readonly DemoOptions Demo = new() { Today = new DateOnly(2026, 1, 31), Days = 62, Branches = 3, OrdersPerDay = 150, Seed = 11 };

    private static readonly DateTimeOffset Now = new(2026, 2, 1, 18, 0, 0, TimeSpan.Zero);

    // Every so many orders of the demo (not refunded) is cancelled afterwards.
    private const int CancelledEvery = 40;

    private readonly TestEngine _engine;
    private readonly Dictionary<string, string?> _settings;
    private readonly NorthstarAppFactory _factory;
    private HttpClient? _client;
    private readonly TempFolder? _folder;
    private readonly PostgresTestDatabase? _database;

    private DemoWarehouse(TestEngine engine, Dictionary<string, string?> settings, bool useRollups, TempFolder? folder, PostgresTestDatabase? database)
    {
        _engine = engine;
        _settings = new(settings) { ["Northstar:Query:UseRollups"] = useRollups ? "true" : "false" };
        _folder = folder;
        _database = database;
        _factory = new NorthstarAppFactory(_settings, services => services
            .AddSingleton<TimeProvider>(new FixedClock(Now)));
    }

    /// <summary>Two branch names of the demo, for filters (the third branch is left out).</summary>
    public IReadOnlyList<string> TwoBranches { get; private set; } = [];

    /// <summary>Starts the app, reading the fact tables only, and loads the demo company into its warehouse.</summary>
    public static async Task<DemoWarehouse> StartAsync(TestEngine engine)
    {
        var (settings, folder, database) = await NorthstarAppFactory.OwnWarehouseAsync(engine);

        var warehouse = new DemoWarehouse(engine, settings, useRollups: false, folder, database);
        try
        {
            var data = DemoCompany.Generate(Demo);
            var pipeline = warehouse._factory.Services.GetRequiredService<IngestPipeline>();
            await DemoLoad.RunAsync(data, pipeline);
            // The demo cancels no order: cancel some through the webhook path (a second batch, with rollups kept up
            // to date by it), so that the metrics leaving cancelled orders out have some to leave out.
            var cancellations = data.Orders.Where((order, index) => index % CancelledEvery == 0 && order.RefundedAmount == 0)
                .Select(order => IncomingEvent.From(order with { State = "cancelled", UpdatedAt = order.UpdatedAt.AddMinutes(5) }))
                .ToList();
            await pipeline.AcceptAsync(DemoLoad.Source, EntityKind.Orders, cancellations);
            await pipeline.ProcessPendingAsync();
            var branches = await warehouse.RowsAsync("select name from gold.dim_location where location_key <> 0 order by location_id");
            warehouse.TwoBranches = [(string)branches[0][0]!, (string)branches[1][0]!];
            await warehouse.SignInAsync();
            return warehouse;
        }
        catch
        {
            await warehouse.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A second app over the same data that answers from the rollups where one covers a query; dispose it before this
    /// one. PostgreSQL: the same database. DuckDB (one open instance per file): a copy of the file, checkpointed first.
    /// </summary>
    /// <param name="settings">More settings of the second app (they win).</param>
    public async Task<DemoWarehouse> WithRollupsAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        DemoWarehouse rollups;
        if (_engine == TestEngine.Postgres)
        {
            rollups = new DemoWarehouse(_engine, With(_settings, settings), useRollups: true, folder: null, database: null) { TwoBranches = TwoBranches };
        }
        else
        {
            await RowsAsync("checkpoint");
            var copy = new TempFolder();
            var file = new WarehouseOptions().DuckDbFile;
            File.Copy(Path.Combine(_folder!.Path, file), Path.Combine(copy.Path, file));
            rollups = new DemoWarehouse(_engine, With(NorthstarAppFactory.DuckDbSettings(copy.Path), settings), useRollups: true, copy, database: null)
            {
                TwoBranches = TwoBranches,
            };
        }

        await rollups.SignInAsync();
        return rollups;
    }

    /// <summary>The app's services (started).</summary>
    public IServiceProvider Services => _factory.Services;

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? more) =>
        more is null ? settings : new(settings.Concat(more).GroupBy(pair => pair.Key).Select(group => group.Last()));

    /// <summary>A client of the app signed in as a new user of <paramref name="role"/> (see <see cref="TestAccounts"/>).</summary>
    public Task<HttpClient> SignedInClientAsync(Role role, IReadOnlyList<string>? branches = null, string? employeeId = null) =>
        _factory.SignedInClientAsync(role, branches, employeeId);

    /// <summary>POSTs <paramref name="spec"/> to /api/query as a Super Admin and returns the answer (asserting a 200).</summary>
    public async Task<JsonElement> QueryAsync(string spec)
    {
        using var response = await _client!.PostAsync(
            new Uri("/api/query", UriKind.Relative), new StringContent(spec, Encoding.UTF8, "application/json"));
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Runs a plain SQL returning one value on the warehouse, with positional parameters.</summary>
    public async Task<decimal?> ScalarAsync(string sql, params object[] parameters)
    {
        var rows = await RowsAsync(sql, parameters);
        Assert.True(rows.Count == 1, $"A scalar query gave {rows.Count} rows: {sql}");
        return rows[0][0] switch
        {
            null => null,
            BigInteger big => (decimal)big,
            var value => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Runs a plain SQL on the warehouse, with positional parameters, and returns its rows.</summary>
    public async Task<List<object?[]>> RowsAsync(string sql, params object[] parameters)
    {
        var warehouse = _factory.Services.GetRequiredService<IWarehouse>();
        await using DbConnection connection = await warehouse.OpenReadConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    // The metric checks ask as a Super Admin, who sees every branch and every date.
    private async Task SignInAsync() => _client = await _factory.SignedInClientAsync(Role.SuperAdmin);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _factory.DisposeAsync();
        _folder?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
