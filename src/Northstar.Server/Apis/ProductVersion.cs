using System.Reflection;

namespace Northstar.Server.Apis;

/// <summary>This build's version: the informational version, e.g. <c>0.1.0+3f2c1e0…</c> (the commit after the +).</summary>
internal static class ProductVersion
{
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
