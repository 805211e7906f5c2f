using System.Text;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Contracts;
using Cortex.Queue.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>
/// A message on <c>predict-{api}</c> that no worker can read is kept, not dropped: it goes as received to
/// <c>predict-{api}_error</c> with the reason, and the worker goes on answering the messages after it.
/// </summary>
public sealed class WorkerErrorQueueTests
{
    [RabbitMqFact]
    public async Task An_unreadable_group_message_is_moved_to_the_error_queue_with_its_reason_and_the_next_request_is_answered()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });
        var queue = QueueNames.Predict(api);
        var errorQueue = queue + "_error";

        var factory = new ConnectionFactory { Uri = new Uri(TestEnvironment.RabbitMqUrl!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var replies = await AmqpReplyQueue.ConsumeAsync(channel);

        var garbage = new BasicProperties { ContentType = PredictGroupCodec.ContentType, MessageId = "broken-" + api, ReplyTo = replies.Name, Persistent = true };
        await channel.BasicPublishAsync("", queue, false, garbage, Encoding.UTF8.GetBytes("not a group"));
        var sample = new BasicProperties { ContentType = "application/json", MessageId = "fine-" + api, ReplyTo = replies.Name };
        await channel.BasicPublishAsync("", queue, false, sample, Encoding.UTF8.GetBytes("""{"x": [1, 2, 3]}"""));

        var answer = System.Text.Json.Nodes.JsonNode.Parse((await replies.FirstAsync(TimeSpan.FromSeconds(30))).Body)!;
        Assert.Equal(15f, answer["total"]!.GetValue<float>());

        BasicGetResult? moved = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (moved is null && DateTime.UtcNow < deadline)
        {
            // A channel per attempt: until the worker declares the error queue, the broker closes a channel that asks for it.
            await using var probe = await connection.CreateChannelAsync();
            try
            {
                moved = await probe.BasicGetAsync(errorQueue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not declared yet.
            }
            if (moved is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(moved);
        Assert.Equal("not a group", Encoding.UTF8.GetString(moved!.Body.Span));
        Assert.Equal("broken-" + api, moved.BasicProperties.MessageId);
        var reason = Encoding.UTF8.GetString((byte[])moved.BasicProperties.Headers![CortexHeaders.Error]!);
        Assert.StartsWith("unreadable: ", reason);
        Assert.Contains("version", reason);
    }
}
