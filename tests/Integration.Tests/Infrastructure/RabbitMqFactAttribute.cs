namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A test that needs a real RabbitMQ; skipped, saying so, when scripts/test.sh did not start one.</summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute()
    {
        if (TestEnvironment.RabbitMqUrl is null)
        {
            Skip = "needs RabbitMQ: run ./scripts/test.sh (it starts one and sets CORTEX_TEST_RABBITMQ)";
        }
    }
}
