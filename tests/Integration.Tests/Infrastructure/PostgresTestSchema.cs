using Npgsql;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>
/// A schema of its own on the test PostgreSQL (<c>CORTEX_TEST_POSTGRES</c>), dropped on dispose, so a test's tables
/// hold only its own rows on a shared database. <see cref="ConnectionString"/> points everything at it.
/// </summary>
public sealed class PostgresTestSchema : IDisposable
{
    public PostgresTestSchema()
    {
        Schema = "it_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE SCHEMA {Schema};");
        ConnectionString = WithServer(ServerConnectionString!);
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable("CORTEX_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public string Schema { get; }

    public string ConnectionString { get; }

    /// <summary>The same schema reached through another host and port (a proxy in front of the server).</summary>
    public string Via(string host, int port) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Host = host, Port = port }.ToString();

    /// <summary>The server's host and port, for a proxy to forward to.</summary>
    public static (string Host, int Port) ServerAddress()
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString);
        return (builder.Host!, builder.Port);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE;");
    }

    private string WithServer(string server) =>
        new NpgsqlConnectionStringBuilder(server) { SearchPath = Schema, MaxPoolSize = 10 }.ToString();

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
