using System.Text;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>The wire contract for clients that speak plain AMQP (no MassTransit): a JSON sample in, the reply on reply_to.</summary>
public sealed class RawAmqpClientTests
{
    [RabbitMqFact]
    public async Task A_plain_AMQP_client_publishes_a_sample_with_reply_to_and_gets_the_prediction_back()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var factory = new ConnectionFactory { Uri = new Uri(TestEnvironment.RabbitMqUrl!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var replies = await AmqpReplyQueue.ConsumeAsync(channel);

        var properties = new BasicProperties { MessageId = "raw-" + api, ReplyTo = replies.Name, ContentType = "application/json", Persistent = true };
        await channel.BasicPublishAsync("", $"predict-{api}", false, properties, Encoding.UTF8.GetBytes("""{"x": [1, 2, 3]}"""));
        var reply = await replies.FirstAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("raw-" + api, reply.CorrelationId);
        Assert.Equal(200, Convert.ToInt32(reply.Status, System.Globalization.CultureInfo.InvariantCulture));
        var json = System.Text.Json.Nodes.JsonNode.Parse(reply.Body)!;
        Assert.Equal(15f, json["total"]!.GetValue<float>());

        // The result is also kept, under the message id, for clients that poll instead of listening.
        HttpJson.Reply stored;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            stored = await HttpJson.GetAsync(running.Http, $"{deployment.PathOf(api)}/async/raw-{api}");
            await Task.Delay(50);
        }
        while (stored.Json?["status"]?.GetValue<string>() != "completed" && DateTime.UtcNow < deadline);
        Assert.Equal(15f, stored.Json!["result"]!["total"]!.GetValue<float>());
    }
}
