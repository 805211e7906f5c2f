namespace Cortex.Queue.Storage.Tests;

/// <summary>A test that needs a real PostgreSQL; skipped, saying so, when scripts/test.sh did not start one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ServerConnectionString is null)
        {
            Skip = "needs PostgreSQL: run ./scripts/test.sh (it starts one and sets CORTEX_TEST_POSTGRES)";
        }
    }
}
