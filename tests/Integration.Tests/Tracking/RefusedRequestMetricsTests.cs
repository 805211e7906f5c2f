using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Requests the ingress answers itself with an error count in the metrics too, not only what workers answered.</summary>
public sealed class RefusedRequestMetricsTests
{
    [RabbitMqAndPostgresFact]
    public async Task Malformed_and_invalid_requests_on_both_route_styles_count_as_4XX_beside_the_answered_ones()
    {
        using var schema = new PostgresTestSchema();
        using var deployment = TrackingDeployments.Iris();
        await using var running = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.ConnectionString });
        var path = deployment.PathOf("classifier");

        var answered = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HttpJson.PostAsync(running.Http, path, """{"input": [5.1, 3.5, 1.4, 0.2]}""")));
        var malformed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => HttpJson.PostAsync(running.Http, path, """{"input": [5.1, 3.5,""")));
        var wrongName = await HttpJson.PostAsync(running.Http, path, """{"inputs": [5.1, 3.5, 1.4, 0.2]}""");
        var tfServingShape = await HttpJson.PostAsync(running.Http, "/v1/models/classifier:predict", """{"instances": {"input": [5.1, 3.5, 1.4, 0.2]}}""");
        // Just over the default limit of 10 MiB.
        var tooLarge = await HttpJson.PostAsync(running.Http, path, "{\"input\": [" + new string(' ', 10 * 1024 * 1024) + "5.1, 3.5, 1.4, 0.2]}");

        Assert.All(answered, reply => Assert.Equal(200, reply.Status));
        Assert.All(malformed, reply => Assert.Equal(400, reply.Status));
        Assert.Equal(400, wrongName.Status);
        Assert.Equal(400, tfServingShape.Status);
        Assert.Equal(413, tooLarge.Status);
        var metrics = await TrackingDeployments.WaitForMetricsAsync(running.Http, "classifier", 8);
        Assert.Equal(8, metrics["requests"]!["count"]!.GetValue<long>());
        Assert.Equal(3, metrics["requests"]!["status"]!["2XX"]!.GetValue<long>());
        Assert.Equal(5, metrics["requests"]!["status"]!["4XX"]!.GetValue<long>());
        Assert.Equal(0, metrics["requests"]!["status"]!["5XX"]!.GetValue<long>());
        // Refused requests have no prediction, so the class distribution still holds only the three answers.
        Assert.Equal(3, metrics["classes"]!.AsArray().Sum(c => c!["count"]!.GetValue<long>()));
    }

    [RabbitMqAndPostgresFact]
    public async Task Requests_nobody_answered_within_the_timeout_count_as_5XX()
    {
        using var schema = new PostgresTestSchema();
        var api = TestDeployment.UniqueName("unserved");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine, "timeout: 2s");
        await using var ingressOnly = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.ConnectionString, RunWorkers = false },
            waitForWorkers: false);

        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => HttpJson.PostAsync(ingressOnly.Http, deployment.PathOf(api), $$"""{"x": [{{i}}, 2, 3]}""")));

        Assert.All(replies, reply => Assert.Equal(504, reply.Status));
        var metrics = await TrackingDeployments.WaitForMetricsAsync(ingressOnly.Http, api, 2);
        Assert.Equal(2, metrics["requests"]!["status"]!["5XX"]!.GetValue<long>());
        Assert.Equal(0, metrics["requests"]!["status"]!["2XX"]!.GetValue<long>());
        Assert.True(metrics["latency_ms"]!["p50"]!.GetValue<double>() >= 1900, $"a timed-out request's latency is its wait: {metrics["latency_ms"]}");
    }
}
