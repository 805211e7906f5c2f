using Cortex.Queue.Contracts;
using Cortex.Queue.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary><c>Ingress:DurableSyncRequests</c>: synchronous requests reach the queue persistent by default, transient when turned off.</summary>
public sealed class DurableSyncRequestTests
{
    [RabbitMqFact]
    public async Task Sync_requests_are_persistent_messages_unless_DurableSyncRequests_is_false()
    {
        var api = TestDeployment.UniqueName("durability");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine, "timeout: 3s");

        Assert.Equal(DeliveryModes.Persistent, await DeliveryModeOfAQueuedRequestAsync(deployment, api, durableSyncRequests: null));
        Assert.Equal(DeliveryModes.Transient, await DeliveryModeOfAQueuedRequestAsync(deployment, api, durableSyncRequests: false));
    }

    /// <summary>Runs an ingress with no worker, sends one request, and reads the message it queued straight off the queue.</summary>
    private static async Task<DeliveryModes> DeliveryModeOfAQueuedRequestAsync(TestDeployment deployment, string api, bool? durableSyncRequests)
    {
        var environment = new Dictionary<string, string> { ["CORTEX_CONFIG"] = deployment.Config.FilePath, ["CORTEX_RABBITMQ"] = TestEnvironment.RabbitMqUrl! };
        if (durableSyncRequests is { } durable)
        {
            environment["Ingress__DurableSyncRequests"] = durable ? "true" : "false";
        }
        var port = FreePort.Next();
        using var ingress = ComponentProcess.Start("Ingress", environment, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var factory = new ConnectionFactory { Uri = new Uri(TestEnvironment.RabbitMqUrl!) };
        await using var connection = await factory.CreateConnectionAsync();
        await PurgeAsync(connection, QueueNames.Predict(api));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            // Nobody answers (no worker), so each request waits in the queue until it is read here or expires.
            _ = SendIgnoringTheOutcomeAsync(http, deployment.PathOf(api));
            await Task.Delay(500);
            // A channel per attempt: until the first send declares the queue, the broker closes a channel that asks for it.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                if (await channel.BasicGetAsync(QueueNames.Predict(api), autoAck: true) is { } message)
                {
                    return message.BasicProperties.DeliveryMode;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not declared yet; try again.
            }
        }
        throw new TimeoutException($"no request reached {QueueNames.Predict(api)}\ningress:\n{ingress.Output}");
    }

    /// <summary>Empties the queue of what an earlier ingress left there, if it exists yet.</summary>
    private static async Task PurgeAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueuePurgeAsync(queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // No such queue yet: nothing to empty.
        }
    }

    private static async Task SendIgnoringTheOutcomeAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.PostAsync(path, new StringContent("""{"x": [1, 2, 3]}""", System.Text.Encoding.UTF8, "application/json"));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // The ingress may not listen yet; the loop sends again.
        }
    }
}
