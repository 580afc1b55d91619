using System.Globalization;

namespace Northstar.Server.Options;

/// <summary>Checks the shape of a Redis configuration string: <c>host:port</c>, then endpoints or <c>option=value</c> pairs.</summary>
internal static class RedisAddress
{
    public static bool IsValid(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (!IsEndpoint(parts[0]))
            return false;
        return parts.Skip(1).All(part => IsEndpoint(part) || IsOption(part));
    }

    private static bool IsEndpoint(string part)
    {
        var colon = part.LastIndexOf(':');
        if (colon <= 0)
            return false;
        var host = part[..colon].Trim('[', ']');
        return host.Length > 0
            && !host.Contains('=', StringComparison.Ordinal)
            && int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535;
    }

    private static bool IsOption(string part) => part.IndexOf('=', StringComparison.Ordinal) > 0;
}
