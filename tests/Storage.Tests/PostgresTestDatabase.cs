using Npgsql;

namespace Cortex.Queue.Storage.Tests;

/// <summary>
/// A schema of its own on the test PostgreSQL (<c>CORTEX_TEST_POSTGRES</c>) per test, dropped afterwards, so tests
/// never see each other's rows on a shared database. A small pool keeps a shared server's connection slots free.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException("CORTEX_TEST_POSTGRES is not set");
        Schema = "test_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {Schema};", admin);
            create.ExecuteNonQuery();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = Schema, MaxPoolSize = 10 }.ToString();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable("CORTEX_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public string Schema { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public void Dispose()
    {
        DataSource.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(ServerConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE;", admin);
        drop.ExecuteNonQuery();
    }
}
