using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Fever.AppHost.Hosting;

/// <summary>
/// The public port of a replicated project: accepts TCP connections on loopback and hands each, in turn, to the
/// next replica that is up, copying bytes both ways. Connection-level, like Aspire's proxy: an HTTP keep-alive
/// connection stays with the replica it first reached.
/// </summary>
internal sealed class ReplicaProxy : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners;
    private readonly Func<IReadOnlyList<Uri>> _replicas;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _accepting;
    private int _next;

    private ReplicaProxy(List<TcpListener> listeners, Func<IReadOnlyList<Uri>> replicas, ILogger logger)
    {
        _listeners = listeners;
        _replicas = replicas;
        _logger = logger;
        _accepting = listeners.Select(AcceptAsync).ToArray();
    }

    public int Port => ((IPEndPoint)_listeners[0].LocalEndpoint).Port;

    /// <summary>Listens on <paramref name="port"/> of 127.0.0.1, and of ::1 when the machine has it (<c>localhost</c> may resolve to either).</summary>
    public static ReplicaProxy Start(int port, Func<IReadOnlyList<Uri>> replicas, ILogger logger)
    {
        var v4 = new TcpListener(IPAddress.Loopback, port);
        v4.Start();
        List<TcpListener> listeners = [v4];
        var v6 = new TcpListener(IPAddress.IPv6Loopback, ((IPEndPoint)v4.LocalEndpoint).Port);
        try
        {
            v6.Start();
            listeners.Add(v6);
        }
        catch (SocketException)
        {
            // No IPv6 loopback here: IPv4 only.
        }
        return new ReplicaProxy(listeners, replicas, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
            listener.Stop();
        await Task.WhenAll(_accepting);
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using var _ = client;
        var replicas = _replicas();
        if (replicas.Count == 0)
            return; // Nothing to reach: the client sees the connection close.

        var target = replicas[(int)((uint)Interlocked.Increment(ref _next) % replicas.Count)];
        using var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(target.Host, target.Port, _stop.Token);
            var toUpstream = CopyThenShutdownAsync(client, upstream);
            var toClient = CopyThenShutdownAsync(upstream, client);
            await Task.WhenAll(toUpstream, toClient);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug("Proxy connection to {Target} ended: {Error}", target, exception.Message);
        }
    }

    private async Task CopyThenShutdownAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }
        finally
        {
            try
            {
                to.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
            }
        }
    }
}
