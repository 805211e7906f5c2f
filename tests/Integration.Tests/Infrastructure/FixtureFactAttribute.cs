namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A test that reads ../shared/fixtures; skipped, saying so, on a clone without them.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute(bool needsRabbitMq = false)
    {
        if (TestEnvironment.FixturesRoot is null)
        {
            Skip = "needs ../shared/fixtures beside the checkout";
        }
        else if (needsRabbitMq && TestEnvironment.RabbitMqUrl is null)
        {
            Skip = "needs RabbitMQ: run ./scripts/test.sh (it starts one and sets CORTEX_TEST_RABBITMQ)";
        }
    }
}
