using System.Net;
using System.Net.Sockets;

namespace Northstar.Warehouse.Tests.Support;

/// <summary>Finds a loopback TCP port nothing listens on.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
