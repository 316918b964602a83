using System.Net;
using System.Net.Sockets;

namespace Refinery.TestSupport;

/// <summary>Ports on 127.0.0.1 for the servers tests and benchmarks start.</summary>
public static class LoopbackPorts
{
    /// <summary>A port free right now: the system picks it, and it is released at once for the caller to bind.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
