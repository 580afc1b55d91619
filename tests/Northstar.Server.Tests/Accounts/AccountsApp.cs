using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Tests.Ingest;
using Northstar.Server.Tests.Support;
using Northstar.Testing;

namespace Northstar.Server.Tests.Accounts;

/// <summary>
/// The real app on a warehouse of the test's own, its clock under the test's control, and the first Super Admin's
/// password known (<see cref="AdminPassword"/>).
/// </summary>
internal sealed class AccountsApp : IAsyncDisposable
{
    public const string AdminEmail = "admin@northstar.local";
    public const string AdminPassword = "first-admin-password-for-tests";

    private readonly TempFolder? _folder;
    private readonly PostgresTestDatabase? _database;

    private AccountsApp(NorthstarAppFactory factory, MovableClock clock, TempFolder? folder, PostgresTestDatabase? database)
    {
        Factory = factory;
        Clock = clock;
        _folder = folder;
        _database = database;
    }

    public NorthstarAppFactory Factory { get; }

    public MovableClock Clock { get; }

    /// <summary>The PostgreSQL database's connection string, or null on DuckDB.</summary>
    public string? PostgresConnectionString => _database?.ConnectionString;

    public static async Task<AccountsApp> StartAsync(TestEngine engine = TestEngine.DuckDb, Dictionary<string, string?>? settings = null)
    {
        var (own, folder, database) = await NorthstarAppFactory.OwnWarehouseAsync(engine);
        own["Northstar:Accounts:InitialAdminPassword"] = AdminPassword;
        foreach (var (key, value) in settings ?? [])
            own[key] = value;
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var factory = new NorthstarAppFactory(own, services => services.AddSingleton<TimeProvider>(clock));
        _ = factory.Server;
        return new AccountsApp(factory, clock, folder, database);
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public Task<HttpClient> SignInAsAdminAsync() => Factory.SignInAsync(AdminEmail, AdminPassword);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _folder?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
