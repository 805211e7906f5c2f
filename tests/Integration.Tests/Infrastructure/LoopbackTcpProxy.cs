using System.Net;
using System.Net.Sockets;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>
/// Forwards a loopback port to a server, and can be closed (refusing new connections and cutting open ones) and
/// opened again on the same port: a server outage as its clients see it, without touching the shared server.
/// </summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;
    private Task? _acceptLoop;

    public LoopbackTcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        Port = FreePort.Next();
        Open();
    }

    public int Port { get; }

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = new CancellationTokenSource();
        _acceptLoop = AcceptAsync(_listener, _accepting.Token);
    }

    public async Task CloseAsync()
    {
        _accepting?.Cancel();
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Close();
            }
            _connections.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, ct).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                client.Close();
                server.Dispose();
                continue;
            }
            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream()).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // The other side went away, or the proxy was closed: either way this direction is done.
        }
        from.Close();
        to.Close();
    }
}
