using System.Globalization;
using System.Text.Json.Nodes;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>Nothing is lost when a worker dies holding requests: RabbitMQ redelivers what it had not acknowledged.</summary>
public sealed class WorkerFailureTests
{
    [RabbitMqFact]
    public async Task A_worker_killed_while_holding_unacknowledged_requests_leaves_them_to_a_second_worker()
    {
        var api = TestDeployment.UniqueName("slow");
        using var deployment = TestDeployment.SingleApi(api, path => TestModels.WriteSlow(path, layers: 1500), "batching:\n  max_batch_size: 4\ntimeout: 120s");
        var rabbit = TestEnvironment.RabbitMqUrl!;
        await using var ingress = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = rabbit, RunWorkers = false }, waitForWorkers: false);
        using var first = WorkerProcess.Start(deployment.Config.FilePath, api, rabbit);
        await WaitForWorkersAsync(ingress, api, 1, first);

        // Enough work that the first worker cannot finish it all: the ingress sends groups of max_batch_size samples,
        // a few messages at a time, so the killed worker holds some unacknowledged and the rest are still to come.
        const int count = 200;
        var finished = 0;
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            var x = new float[128];
            x[0] = i;
            var reply = await HttpJson.PostAsync(ingress.Http, deployment.PathOf(api), "{\"x\": [" + string.Join(",", x.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]}");
            Interlocked.Increment(ref finished);
            return (i, reply);
        }).ToArray();

        // Let the first worker take requests and answer a few, then kill it mid-flight.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref finished) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        first.Kill();
        var answeredBeforeKill = Volatile.Read(ref finished);
        Assert.True(answeredBeforeKill < count, "the first worker answered everything before it was killed; the test proves nothing");

        using var second = WorkerProcess.Start(deployment.Config.FilePath, api, rabbit);
        var replies = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(150));

        foreach (var (i, reply) in replies)
        {
            Assert.True(reply.Status == 200, $"request {i}: {reply.Status} {reply.Body}\nsecond worker log:\n{second.Output}");
            Assert.Equal((float)i, reply.Json!["total"]!.GetValue<float>());
        }
    }

    private static async Task WaitForWorkersAsync(RunningDeployment ingress, string api, int workers, ComponentProcess process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var list = await HttpJson.GetAsync(ingress.Http, "/apis");
            var entry = list.Json!["apis"]!.AsArray().FirstOrDefault(a => a!["name"]!.GetValue<string>() == api);
            if (entry?["workers"]?.GetValue<int>() >= workers)
            {
                return;
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException("the worker process exited:\n" + process.Output);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("no worker announced itself within 90 s:\n" + process.Output);
    }
}
