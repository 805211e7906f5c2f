using System.Globalization;
using System.Text.Json.Nodes;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Config;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Handlers;

/// <summary>Request handlers through the whole queue path: ingress → RabbitMQ → worker (pre → batch → model → post) → reply.</summary>
public sealed class RequestHandlerTests
{
    private static EmbeddedHostOptions OnRabbitMq => new() { RabbitMq = TestEnvironment.RabbitMqUrl };

    private static string Example(string name) => Path.Combine(TestEnvironment.RepositoryRoot, "examples", name);

    [RabbitMqFact]
    public async Task The_iris_example_answers_iris_setosa_for_a_setosa_sample_through_RabbitMQ()
    {
        await using var running = await RunningDeployment.StartAsync(CortexConfigLoader.LoadOrThrow(Example("iris-classifier")), OnRabbitMq);

        var setosa = await HttpJson.PostAsync(running.Http, "/iris/classifier", await File.ReadAllTextAsync(Path.Combine(Example("iris-classifier"), "sample.json")));
        var virginica = await HttpJson.PostAsync(running.Http, "/iris/classifier", """{"input": [6.7, 3.0, 5.2, 2.3]}""");
        var both = await HttpJson.PostAsync(running.Http, "/iris/classifier", """{"input": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}""");

        Assert.True(setosa.Status == 200, setosa.Body);
        Assert.Equal("iris-setosa", setosa.Json!.GetValue<string>());
        Assert.Equal("iris-virginica", virginica.Json!.GetValue<string>());
        Assert.Equal(["iris-setosa", "iris-virginica"], both.Json!.AsArray().Select(label => label!.GetValue<string>()));
    }

    [RabbitMqFact]
    public async Task The_friendly_input_example_takes_named_measurements_and_says_what_is_missing()
    {
        await using var running = await RunningDeployment.StartAsync(CortexConfigLoader.LoadOrThrow(Example("iris-friendly-input")), OnRabbitMq);

        var reply = await HttpJson.PostAsync(running.Http, "/iris-friendly/species", await File.ReadAllTextAsync(Path.Combine(Example("iris-friendly-input"), "sample.json")));
        var incomplete = await HttpJson.PostAsync(running.Http, "/iris-friendly/species", """{"sepal_length": 5.1}""");

        Assert.True(reply.Status == 200, reply.Body);
        Assert.Equal("iris-setosa", reply.Json!["species"]!.GetValue<string>());
        Assert.InRange(reply.Json!["confidence"]!.GetValue<double>(), 0.9, 1.0);
        Assert.Equal(406, incomplete.Status);
        Assert.StartsWith("prediction failed: pre_inference request handler (handler.cs): missing \"sepal_width\"", incomplete.Error);
    }

    [RabbitMqFact]
    public async Task A_handler_that_throws_on_one_sample_fails_only_that_request_and_the_rest_of_the_batch_succeeds()
    {
        var api = TestDeployment.UniqueName("handled");
        using var deployment = HandlerDeployments.Create(api, HandlerDeployments.ValuesToSum, "batching:\n  max_batch_size: 8\n  batch_timeout: 20ms");
        await using var running = await RunningDeployment.StartAsync(deployment.Config, OnRabbitMq);
        const int refusedInPre = 5;
        const int failingInPost = 11;

        var requests = Enumerable.Range(0, 24).Select(async i =>
        {
            var body = i switch
            {
                refusedInPre => """{"values": [1, 2, 3], "reject": true}""",
                // y = 2x + 1 = [1, 1, -2]: a total of zero, which post_inference refuses.
                failingInPost => """{"values": [0, 0, -1.5]}""",
                _ => $$"""{"values": [{{i}}, 0, 0]}""",
            };
            return (i, reply: await HttpJson.PostAsync(running.Http, deployment.PathOf(api), body));
        });
        var replies = await Task.WhenAll(requests);

        foreach (var (i, reply) in replies)
        {
            switch (i)
            {
                case refusedInPre:
                    Assert.Equal(406, reply.Status);
                    Assert.Equal("prediction failed: pre_inference request handler (handler.cs): this sample was refused", reply.Error);
                    break;
                case failingInPost:
                    Assert.Equal(406, reply.Status);
                    Assert.Equal("prediction failed: post_inference request handler (handler.cs): the total is zero", reply.Error);
                    break;
                default:
                    Assert.True(reply.Status == 200, $"request {i}: {reply.Status} {reply.Body}");
                    Assert.Equal(2f * i + 3f, reply.Json!["sum"]!.GetValue<float>());
                    Assert.Equal("cm", reply.Json!["unit"]!.GetValue<string>());
                    break;
            }
        }
        // The samples did share batches: a failure in one sample's stage did not fail its neighbours.
        var metrics = (await HttpJson.GetAsync(running.Http, "/metrics")).Body;
        var served = PrometheusText.Sum(metrics, "cortex_batch_size_count", $"api=\"{api}\"");
        var alone = PrometheusText.Sum(metrics, "cortex_batch_size_bucket", $"api=\"{api}\"", "le=\"1\"");
        Assert.True(alone < served, $"every one of the {served} samples that reached the model ran alone; expected shared batches");
    }

    [RabbitMqFact]
    public async Task Debug_returns_and_the_worker_logs_the_four_stages_while_a_plain_request_gets_only_the_prediction()
    {
        var api = TestDeployment.UniqueName("traced");
        using var deployment = HandlerDeployments.Create(api, HandlerDeployments.ValuesToSum);
        var rabbit = TestEnvironment.RabbitMqUrl!;
        await using var ingress = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = rabbit, RunWorkers = false }, waitForWorkers: false);
        using var worker = WorkerProcess.Start(deployment.Config.FilePath, api, rabbit, new Dictionary<string, string> { ["Worker__DebugTruncateLength"] = "60" });
        Assert.True(await Cortex.Queue.Cli.Commands.ReadinessWaiter.WaitAsync(ingress.BaseUrl, TimeSpan.FromSeconds(90), CancellationToken.None), worker.Output);
        var path = deployment.PathOf(api);

        var plain = await HttpJson.PostAsync(ingress.Http, path, """{"values": [1, 2, 3]}""");
        var requestId = "trace-" + Guid.NewGuid().ToString("N")[..8];
        var traced = await PostWithRequestIdAsync(ingress.Http, path + "?debug=true", """{"values": [1, 2, 3], "note": "a note long enough to be cut at sixty characters"}""", requestId);

        Assert.Equal(200, plain.Status);
        Assert.Equal(["sum", "unit"], plain.Json!.AsObject().Select(p => p.Key));
        Assert.True(traced.Status == 200, traced.Body);
        Assert.Equal(15f, traced.Json!["prediction"]!["sum"]!.GetValue<float>());
        var debug = traced.Json!["debug"]!.AsObject();
        Assert.Equal(["sample", "pre_inference", "inference", "post_inference"], debug.Select(p => p.Key));
        Assert.StartsWith("""{"values":[1,2,3],"note":"a note long enough""", debug["sample"]!.GetValue<string>());
        Assert.EndsWith("more characters)", debug["sample"]!.GetValue<string>());
        Assert.Equal([1f, 2f, 3f], HttpJson.Floats(JsonNode.Parse(debug["pre_inference"]!.GetValue<string>())!["x"]));
        var inference = JsonNode.Parse(debug["inference"]!.GetValue<string>())!;
        Assert.Equal([3f, 5f, 7f], HttpJson.Floats(inference["y"]));
        Assert.Equal(15f, JsonNode.Parse(debug["post_inference"]!.GetValue<string>())!["sum"]!.GetValue<float>());

        var refused = await HttpJson.PostAsync(ingress.Http, path, """{"values": [1, 2, 3], "reject": true}""");
        Assert.Equal(406, refused.Status);

        // The worker's log has the same trace under the request id, and the refused sample's stack trace.
        var logged = await WaitForAsync(() => worker.Output.Contains($"request {requestId} debug:") && worker.Output.Contains("at ValuesToSum.PreInference"));
        Assert.True(logged, worker.Output);
        var line = worker.Output.Split('\n').First(l => l.Contains($"request {requestId} debug:"));
        Assert.Contains("\"post_inference\":", line);
        Assert.Single(worker.Output.Split('\n'), l => l.Contains(" debug: "));
    }

    [RabbitMqFact]
    public async Task A_worker_whose_handler_does_not_compile_refuses_to_start_with_the_compilers_message()
    {
        var api = TestDeployment.UniqueName("broken");
        using var deployment = HandlerDeployments.Create(api, BrokenHandler);

        using var worker = WorkerProcess.Start(deployment.Config.FilePath, api, TestEnvironment.RabbitMqUrl!);

        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the worker kept running:\n" + worker.Output);
        Assert.Equal(1, worker.ExitCode);
        Assert.Contains(BrokenHandlerError, worker.Output);
        Assert.DoesNotContain("model ready", worker.Output);
    }

    [Fact]
    public async Task Validate_and_up_refuse_a_handler_that_does_not_compile_with_file_line_column_and_message()
    {
        using var folder = new TemporaryFolder();
        TestModels.WriteAffine(Path.Combine(folder.Path, "model.onnx"));
        File.WriteAllText(Path.Combine(folder.Path, "handler.cs"), BrokenHandler);
        File.WriteAllText(Path.Combine(folder.Path, "cortex.yaml"), """
            - kind: deployment
              name: broken
            - kind: api
              name: broken
              onnx:
                model: model.onnx
                request_handler: handler.cs
            """);

        var (validateExit, _, validateError) = await CliProcess.RunAsync(folder.Path, "validate", folder.Path);
        var (upExit, _, upError) = await CliProcess.RunAsync(folder.Path, "up", folder.Path, "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, validateExit);
        Assert.Contains(BrokenHandlerError, validateError);
        Assert.Contains("apis[0].onnx.request_handler", validateError);
        Assert.Equal(1, upExit);
        Assert.Contains(BrokenHandlerError, upError);
    }

    private const string BrokenHandler = """
        public sealed class Broken : IPostInferenceHandler
        {
            public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
            {
                return prediction
            }
        }
        """;

    // Line 5 is "        return prediction"; the compiler points just past it.
    private const string BrokenHandlerError = "handler.cs:5:26: error CS1002: ; expected";

    private static async Task<HttpJson.Reply> PostWithRequestIdAsync(HttpClient http, string path, string json, string requestId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Id", requestId);
        using var response = await http.SendAsync(request);
        return new HttpJson.Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }
}
