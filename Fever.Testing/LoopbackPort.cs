using System.Net;
using System.Net.Sockets;

namespace Fever.Testing;

public static class LoopbackPort
{
    /// <summary>A port free on 127.0.0.1 right now (the caller binds it soon; a race is retried by whoever binds).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
