using Cortex.Queue.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Distributed mode on PostgreSQL: ingress, worker and tracker as separate processes, async results kept by the tracker.</summary>
public sealed class DistributedAsyncResultTests
{
    [RabbitMqAndPostgresFact]
    public async Task Async_results_survive_a_tracker_restart_and_expire_after_the_retention()
    {
        using var schema = new PostgresTestSchema();
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        var path = deployment.PathOf(api);
        var rabbit = TestEnvironment.RabbitMqUrl!;
        // Queues of this test's own, so the tracker's durable queues do not outlive it collecting other tests' events.
        var trackerQueues = new[] { TestDeployment.UniqueName("prediction-served-tracker"), TestDeployment.UniqueName("async-results-tracker") };
        var trackerEnvironment = new Dictionary<string, string>
        {
            ["CORTEX_RABBITMQ"] = rabbit,
            ["CORTEX_POSTGRES"] = schema.ConnectionString,
            ["Tracker__AsyncRetention"] = "00:00:20",
            ["Tracker__AsyncExpiryInterval"] = "00:00:01",
            ["Tracker__QueueName"] = trackerQueues[0],
            ["Tracker__AsyncResultsQueueName"] = trackerQueues[1],
        };
        var port = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var trackerPort = FreePort.Next();
            var tracker = ComponentProcess.Start("Tracker", trackerEnvironment, "--urls", $"http://127.0.0.1:{trackerPort}");
            using var ingress = ComponentProcess.Start(
                "Ingress",
                new Dictionary<string, string> { ["CORTEX_CONFIG"] = deployment.Config.FilePath, ["CORTEX_RABBITMQ"] = rabbit, ["CORTEX_POSTGRES"] = schema.ConnectionString },
                "--urls", $"http://127.0.0.1:{port}");
            using var worker = WorkerProcess.Start(deployment.Config.FilePath, api, rabbit);
            await WaitUntilAsync(async () => (await TryGetAsync(http, "/apis"))?.Json?["apis"]?[0]?["workers"]?.GetValue<int>() >= 1, "the worker to announce itself", ingress, tracker);
            // The tracker's probes, as Kubernetes calls them: alive at once, ready once its bus is connected.
            using (var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{trackerPort}") })
            {
                await WaitUntilAsync(async () => (await TryGetAsync(probe, "/readyz"))?.Status == 200, "the tracker's /readyz to answer 200", ingress, tracker);
                Assert.Equal(200, (await HttpJson.GetAsync(probe, "/healthz")).Status);
            }

            var first = await SubmitAsync(http, path, "[1, 2, 3]");
            var firstResult = await WaitForStatusAsync(http, $"{path}/async/{first}", "completed", tracker);
            Assert.Equal(15f, firstResult.Json!["result"]!["total"]!.GetValue<float>());

            tracker.Kill();
            tracker.Dispose();
            var second = await SubmitAsync(http, path, "[0, 0, 0]");
            // The worker answers, but nobody records it until a tracker runs again: the events wait in the queue.
            await Task.Delay(2000);
            Assert.Equal("in_queue", (await HttpJson.GetAsync(http, $"{path}/async/{second}")).Json!["status"]!.GetValue<string>());

            tracker = ComponentProcess.Start("Tracker", trackerEnvironment, "--urls", "http://127.0.0.1:0");
            using (tracker)
            {
                var secondResult = await WaitForStatusAsync(http, $"{path}/async/{second}", "completed", tracker);
                Assert.Equal(3f, secondResult.Json!["result"]!["total"]!.GetValue<float>());
                var firstAgain = await HttpJson.GetAsync(http, $"{path}/async/{first}");
                Assert.Equal("completed", firstAgain.Json!["status"]!.GetValue<string>());

                // Retention 20 s, swept every second.
                await WaitUntilAsync(async () => (await HttpJson.GetAsync(http, $"{path}/async/{first}")).Status == 404, "the first result to expire", ingress, tracker, TimeSpan.FromSeconds(60));
                await WaitUntilAsync(async () => (await HttpJson.GetAsync(http, $"{path}/async/{second}")).Status == 404, "the second result to expire", ingress, tracker, TimeSpan.FromSeconds(60));
            }
        }
        finally
        {
            await DeleteQueuesAsync(rabbit, trackerQueues);
        }
    }

    private static async Task<string> SubmitAsync(HttpClient http, string path, string x)
    {
        var submitted = await HttpJson.PostAsync(http, path + "/async", "{\"x\": " + x + "}");
        Assert.Equal(202, submitted.Status);
        return submitted.Json!["id"]!.GetValue<string>();
    }

    private static async Task<HttpJson.Reply?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            return await HttpJson.GetAsync(http, path);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<HttpJson.Reply> WaitForStatusAsync(HttpClient http, string path, string status, ComponentProcess tracker)
    {
        HttpJson.Reply? last = null;
        await WaitUntilAsync(async () =>
        {
            last = await HttpJson.GetAsync(http, path);
            return last.Status == 200 && last.Json!["status"]!.GetValue<string>() == status;
        }, $"{path} to be {status}", null, tracker);
        return last!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, ComponentProcess? ingress, ComponentProcess tracker, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"waited in vain for {what}\ntracker:\n{tracker.Output}\ningress:\n{ingress?.Output}");
    }

    private static async Task DeleteQueuesAsync(string rabbitUrl, IEnumerable<string> queues)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in queues)
        {
            await channel.QueueDeleteAsync(queue);
        }
    }
}
