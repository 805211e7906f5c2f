namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A test that needs a real RabbitMQ and a real PostgreSQL; skipped, saying which is missing, otherwise.</summary>
public sealed class RabbitMqAndPostgresFactAttribute : FactAttribute
{
    public RabbitMqAndPostgresFactAttribute()
    {
        if (TestEnvironment.RabbitMqUrl is null)
        {
            Skip = "needs RabbitMQ: run ./scripts/test.sh (it starts one and sets CORTEX_TEST_RABBITMQ)";
        }
        else if (PostgresTestSchema.ServerConnectionString is null)
        {
            Skip = "needs PostgreSQL: run ./scripts/test.sh (it starts one and sets CORTEX_TEST_POSTGRES)";
        }
    }
}
