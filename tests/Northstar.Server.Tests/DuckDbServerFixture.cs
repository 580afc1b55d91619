using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Northstar.Server.Tests.Support;

namespace Northstar.Server.Tests;

/// <summary>One app on embedded DuckDB in its own temp folder, shared by the read-only tests of a class.</summary>
public sealed class DuckDbServerFixture : IDisposable
{
    private readonly TempFolder _data = new();

    public DuckDbServerFixture() =>
        Factory = new NorthstarAppFactory(
            NorthstarAppFactory.DuckDbSettings(_data.Path),
            services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());

    public NorthstarAppFactory Factory { get; }

    public string DataDirectory => _data.Path;

    public void Dispose()
    {
        Factory.Dispose();
        _data.Dispose();
    }
}
