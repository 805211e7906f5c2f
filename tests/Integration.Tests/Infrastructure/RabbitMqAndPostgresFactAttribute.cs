namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A test of the distributed mode, needing both a real RabbitMQ and a real PostgreSQL; skipped, saying so, without them.</summary>
public sealed class RabbitMqAndPostgresFactAttribute : FactAttribute
{
    public RabbitMqAndPostgresFactAttribute()
    {
        if (TestEnvironment.RabbitMqUrl is null || PostgresConnectionString is null)
        {
            Skip = "needs RabbitMQ and PostgreSQL: run ./scripts/test.sh (it starts both and sets CORTEX_TEST_RABBITMQ and CORTEX_TEST_POSTGRES)";
        }
    }

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable("CORTEX_TEST_POSTGRES") is { Length: > 0 } connection ? connection : null;
}
