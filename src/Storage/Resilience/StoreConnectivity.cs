using System.Net.Sockets;
using Npgsql;

namespace Cortex.Queue.Storage;

/// <summary>Tells a store that is unreachable (retry until it returns) from a write that can never succeed (error queue).</summary>
public static class StoreConnectivity
{
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        SocketException or TimeoutException or IOException => true,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        _ => false,
    };
}
