using System.Net;
using System.Net.Sockets;

namespace Cortex.Queue.Cli.Embedded;

/// <summary>Whether a port on 127.0.0.1 can still be listened on, asked before a server starts there.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// True when nothing listens on <paramref name="port"/>. Checked by binding it for a moment: the usual cause of a
    /// taken port is a second <c>cortex up</c>, and Kestrel's own failure is a page of stack trace.
    /// </summary>
    public static bool IsFree(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }
}
