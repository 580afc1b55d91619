using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests.Authorization;

/// <summary>
/// One app on embedded DuckDB in its own temp folder, shared by the tests of a class, with the test-only endpoint that
/// throws (<see cref="ThrowingEndpoint"/>), so a 500 problem can be looked at too.
/// </summary>
public sealed class AuthorizationAppFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public AuthorizationAppFixture() =>
        App = new NorthstarAppFactory(
            NorthstarAppFactory.DuckDbSettings(_folder.Path), services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());

    public NorthstarAppFactory App { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
