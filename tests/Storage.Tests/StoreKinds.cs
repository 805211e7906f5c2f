namespace Cortex.Queue.Storage.Tests;

/// <summary>
/// The stores every behavioural test runs against: SQLite always, PostgreSQL when <c>CORTEX_TEST_POSTGRES</c> is
/// set (its absence is reported by <see cref="PostgresFactAttribute"/> tests being skipped).
/// </summary>
public static class StoreKinds
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> All
    {
        get
        {
            var kinds = new TheoryData<string> { Sqlite };
            if (PostgresTestDatabase.ServerConnectionString is not null)
            {
                kinds.Add(Postgres);
            }
            return kinds;
        }
    }
}
