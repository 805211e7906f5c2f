using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>Asynchronous submissions: 202 with an id, then the status until the result is there.</summary>
public sealed class AsyncPredictionTests
{
    [RabbitMqFact]
    public async Task An_async_request_waits_in_queue_until_a_worker_runs_and_then_completes_with_its_result()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        var path = deployment.PathOf(api);
        await using var ingress = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, RunWorkers = false },
            waitForWorkers: false);

        var submitted = await HttpJson.PostAsync(ingress.Http, path + "/async", """{"x": [1, 2, 3]}""");
        Assert.Equal(202, submitted.Status);
        var id = submitted.Json!["id"]!.GetValue<string>();
        var queued = await HttpJson.GetAsync(ingress.Http, $"{path}/async/{id}");
        Assert.Equal("in_queue", queued.Json!["status"]!.GetValue<string>());

        // A worker appears later (scale from zero); it shares the deployment's result store.
        await using var worker = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });
        var final = await PollUntilFinishedAsync(ingress.Http, $"{path}/async/{id}");

        Assert.Equal("completed", final.Json!["status"]!.GetValue<string>());
        Assert.Equal(15f, final.Json!["result"]!["total"]!.GetValue<float>());
        Assert.NotNull(final.Json!["timestamp"]);
    }

    [RabbitMqFact]
    public async Task An_async_request_the_model_cannot_run_ends_failed_with_the_reason()
    {
        var api = TestDeployment.UniqueName("rows");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteRowsOfFour);
        var path = deployment.PathOf(api);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var submitted = await HttpJson.PostAsync(running.Http, path + "/async", """{"x": [1, 2, 3]}""");
        var final = await PollUntilFinishedAsync(running.Http, $"{path}/async/{submitted.Json!["id"]!.GetValue<string>()}");

        Assert.Equal("failed", final.Json!["status"]!.GetValue<string>());
        Assert.StartsWith("prediction failed", final.Json!["error"]!.GetValue<string>());
    }

    [RabbitMqFact]
    public async Task An_unknown_async_id_is_404()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var reply = await HttpJson.GetAsync(running.Http, deployment.PathOf(api) + "/async/does-not-exist");

        Assert.Equal(404, reply.Status);
        Assert.Contains("does-not-exist", reply.Error);
    }

    [Fact]
    public async Task The_embedded_queue_serves_async_requests_too()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config);

        var submitted = await HttpJson.PostAsync(running.Http, deployment.PathOf(api) + "/async", """{"x": [0, 0, 0]}""");
        var final = await PollUntilFinishedAsync(running.Http, $"{deployment.PathOf(api)}/async/{submitted.Json!["id"]!.GetValue<string>()}");

        Assert.Equal("completed", final.Json!["status"]!.GetValue<string>());
        Assert.Equal(3f, final.Json!["result"]!["total"]!.GetValue<float>());
    }

    private static async Task<HttpJson.Reply> PollUntilFinishedAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var reply = await HttpJson.GetAsync(http, path);
            var status = reply.Json?["status"]?.GetValue<string>();
            if (status is "completed" or "failed" || DateTime.UtcNow > deadline)
            {
                return reply;
            }
            await Task.Delay(50);
        }
    }
}
