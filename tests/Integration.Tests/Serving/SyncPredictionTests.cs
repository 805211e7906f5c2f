using System.Globalization;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>Synchronous predictions through ingress → RabbitMQ → worker → reply.</summary>
public sealed class SyncPredictionTests
{
    private static EmbeddedHostOptions OnRabbitMq => new() { RabbitMq = TestEnvironment.RabbitMqUrl };

    [RabbitMqFact]
    public async Task A_prediction_through_RabbitMQ_returns_the_models_value()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);

        var reply = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [1, 2, 3]}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal([3f, 5f, 7f], HttpJson.Floats(reply.Json!["y"]));
        Assert.Equal(15f, reply.Json!["total"]!.GetValue<float>());
    }

    [RabbitMqFact]
    public async Task A_bare_value_and_a_pre_batched_value_are_both_accepted_and_keep_their_shapes()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);

        var bare = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), "[0, 0, 1]");
        var batched = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [[0, 0, 0], [1, 1, 1]]}""");

        Assert.Equal(200, bare.Status);
        Assert.Equal([1f, 1f, 3f], HttpJson.Floats(bare.Json!["y"]));
        Assert.Equal(200, batched.Status);
        Assert.Equal(2, batched.Json!["y"]!.AsArray().Count);
        Assert.Equal([3f, 9f], HttpJson.Floats(batched.Json!["total"]));
    }

    [RabbitMqFact]
    public async Task Sixty_four_concurrent_requests_are_served_in_batches_and_each_client_gets_its_own_answer()
    {
        var api = TestDeployment.UniqueName("slow");
        using var deployment = TestDeployment.SingleApi(api, path => TestModels.WriteSlow(path), "batching:\n  max_batch_size: 16\n  batch_timeout: 5ms");
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);

        var requests = Enumerable.Range(0, 64).Select(async i =>
        {
            var x = new float[128];
            x[i % 128] = i + 0.5f;
            var json = "{\"x\": [" + string.Join(",", x.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]}";
            var reply = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), json);
            return (i, reply);
        });
        var replies = await Task.WhenAll(requests);
        

        foreach (var (i, reply) in replies)
        {
            Assert.Equal(200, reply.Status);
            Assert.Equal(i + 0.5f, reply.Json!["total"]!.GetValue<float>());
        }
        var metrics = (await HttpJson.GetAsync(running.Http, "/metrics")).Body;
        var served = PrometheusText.Sum(metrics, "cortex_batch_size_count", $"api=\"{api}\"");
        var aloneOnly = PrometheusText.Sum(metrics, "cortex_batch_size_bucket", $"api=\"{api}\"", "le=\"1\"");
        Assert.Equal(64, served);
        Assert.True(aloneOnly < served, $"every one of the {served} requests ran alone; expected some batches larger than one");
        
    }

    [RabbitMqFact]
    public async Task A_sample_that_fails_inside_the_model_fails_alone_with_406_and_its_neighbours_succeed()
    {
        var api = TestDeployment.UniqueName("rows");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteRowsOfFour, "batching:\n  max_batch_size: 32\n  batch_timeout: 20ms");
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);

        var requests = Enumerable.Range(0, 24).Select(i => i == 11
            ? HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [1, 2, 3]}""")
            : HttpJson.PostAsync(running.Http, deployment.PathOf(api), $$"""{"x": [{{i}}, 0, 0, 1]}"""));
        var replies = await Task.WhenAll(requests);

        for (var i = 0; i < replies.Length; i++)
        {
            if (i == 11)
            {
                Assert.Equal(406, replies[i].Status);
                Assert.StartsWith("prediction failed", replies[i].Error);
                Assert.NotNull(replies[i].Json!["request_id"]);
            }
            else
            {
                Assert.Equal(200, replies[i].Status);
                Assert.Equal([i * 10f, 0f, 0f, 10f], HttpJson.Floats(replies[i].Json!["y"]));
            }
        }
    }

    [RabbitMqFact]
    public async Task Debug_returns_the_four_stages_beside_the_prediction_and_nothing_extra_without_it()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);

        var debug = await HttpJson.PostAsync(running.Http, deployment.PathOf(api) + "?debug=true", """{"x": [1, 1, 1]}""");
        var plain = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [1, 1, 1]}""");

        Assert.Equal(200, debug.Status);
        var stages = debug.Json!["debug"]!.AsObject();
        Assert.Equal(["sample", "pre_inference", "inference", "post_inference"], stages.Select(s => s.Key).ToArray());
        Assert.Contains("\"x\"", stages["sample"]!.GetValue<string>());
        Assert.Equal(9f, debug.Json!["prediction"]!["total"]!.GetValue<float>());
        Assert.Null(plain.Json!["debug"]);
        Assert.Equal(9f, plain.Json!["total"]!.GetValue<float>());
    }

    [RabbitMqFact]
    public async Task The_signature_route_shows_inputs_with_dtype_and_dynamic_batch_axis()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);

        var reply = await HttpJson.GetAsync(running.Http, deployment.PathOf(api) + "/signature");

        Assert.Equal(200, reply.Status);
        Assert.Equal("float32", reply.Json!["signature"]!["x"]!["type"]!.GetValue<string>());
        Assert.Equal([-1L, 3L], reply.Json!["signature"]!["x"]!["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray());
    }
}
