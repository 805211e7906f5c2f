using System.Text;
using Cortex.Queue.Contracts;
using Cortex.Queue.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>
/// The tracker process on RabbitMQ: a message it cannot read goes, as received and with the reason, to
/// <c>{queue}_error</c> (nothing is dropped), while the events of the messages around it are stored.
/// </summary>
public sealed class TrackerErrorQueueTests
{
    [RabbitMqAndPostgresFact]
    public async Task An_unreadable_event_message_is_moved_to_the_error_queue_and_its_neighbours_are_stored()
    {
        using var schema = new PostgresTestSchema();
        var rabbit = TestEnvironment.RabbitMqUrl!;
        var queue = $"prediction-served-tracker-test-{Guid.NewGuid():N}"[..48];
        var port = FreePort.Next();
        using var tracker = ComponentProcess.Start("Tracker", new Dictionary<string, string>
        {
            ["CORTEX_RABBITMQ"] = rabbit,
            ["CORTEX_POSTGRES"] = schema.ConnectionString,
            ["Tracker__QueueName"] = queue,
            ["Tracker__AsyncResultsQueueName"] = queue + "-async",
            ["Tracker__Deployment"] = "error-queue-test",
        }, "--urls", $"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        // Ready means the consumer has declared and bound its queue, so what is published next reaches it.
        await WaitUntilAsync(async () => (await TryStatusAsync(probe, "/readyz")) == 200, "the tracker's /readyz to answer 200", tracker);

        var factory = new ConnectionFactory { Uri = new Uri(rabbit) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var at = DateTimeOffset.UtcNow;
            await PublishAsync(channel, PredictionServedBatchJsonConverter.Wrap(PredictionServedBatchJsonConverter.Encode([new("classifier", "error-queue-test", "before", at, 200, 1.5, 0.5, 1, "w", "0", null)])));
            var unreadable = """{"messageType":["urn:message:Cortex.Queue.Contracts:PredictionServedBatch"],"message":{"events":"AAAA"}}"""u8.ToArray();
            await PublishAsync(channel, unreadable);
            await PublishAsync(channel, PredictionServedBatchJsonConverter.Wrap(PredictionServedBatchJsonConverter.Encode([new("classifier", "error-queue-test", "after", at, 200, 2.5, 0.5, 1, "w", "1", null)])));

            await WaitUntilAsync(async () => await StoredAsync(schema) == 2, "both readable events to be stored", tracker);
            Assert.Equal(["after", "before"], (await schema.StringsAsync("SELECT request_id FROM predictions")).Order());

            BasicGetResult? moved = null;
            await WaitUntilAsync(async () => (moved = await TryGetAsync(connection, queue + "_error")) is not null, "the unreadable message in the error queue", tracker);
            Assert.Equal(unreadable, moved!.Body.ToArray());
            var reason = Encoding.UTF8.GetString((byte[])moved.BasicProperties.Headers!["cortex-error"]!);
            Assert.Contains("no event count", reason, StringComparison.Ordinal);
            Assert.Contains("not a prediction-served batch", tracker.Output, StringComparison.Ordinal);
        }
        finally
        {
            await using var cleanup = await connection.CreateChannelAsync();
            foreach (var name in new[] { queue, queue + "_error", queue + "-async" })
            {
                await cleanup.QueueDeleteAsync(name);
            }
        }
    }

    private static async Task PublishAsync(IChannel channel, byte[] body) =>
        await channel.BasicPublishAsync(QueueNames.PredictionServedExchange, string.Empty, false, new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true }, body);

    private static async Task<BasicGetResult?> TryGetAsync(IConnection connection, string queue)
    {
        // A channel per attempt: the broker closes a channel that reads a queue not declared yet.
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    private static async Task<long> StoredAsync(PostgresTestSchema schema)
    {
        try
        {
            return await schema.ScalarAsync("SELECT count(*) FROM predictions");
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == "42P01")
        {
            return 0;
        }
    }

    private static async Task<int?> TryStatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, ComponentProcess tracker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"waited in vain for {what}\ntracker:\n{tracker.Output}");
    }
}
