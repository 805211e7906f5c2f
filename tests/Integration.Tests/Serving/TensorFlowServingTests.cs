using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>A <c>tensorflow:</c> API is served through the queue exactly like an <c>onnx:</c> one.</summary>
public sealed class TensorFlowServingTests
{
    [RabbitMqFact]
    public async Task A_SavedModel_with_variables_is_served_end_to_end_through_RabbitMQ()
    {
        // The iris example's SavedModel: written by tools/IrisTrainer as a TF1 graph with a variables bundle.
        var savedModel = Path.Combine(TestEnvironment.RepositoryRoot, "examples", "iris-classifier", "savedmodel");
        var api = TestDeployment.UniqueName("iris");
        var yaml = $"""
            - kind: deployment
              name: {TestDeployment.UniqueName("tf")}
            - kind: api
              name: {api}
              tensorflow:
                model: {savedModel}
            """;
        using var deployment = TestDeployment.Create(yaml);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var setosa = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"input": [5.1, 3.5, 1.4, 0.2]}""");
        var virginica = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"input": [6.7, 3.0, 5.2, 2.3]}""");
        var signature = await HttpJson.GetAsync(running.Http, deployment.PathOf(api) + "/signature");

        Assert.True(setosa.Status == 200, setosa.Body);
        Assert.Equal(0, setosa.Json!["class_index"]!.GetValue<long>());
        Assert.Equal(2, virginica.Json!["class_index"]!.GetValue<long>());
        Assert.Equal(3, setosa.Json!["probabilities"]!.AsArray().Count);
        Assert.Equal("float32", signature.Json!["signature"]!["input"]!["type"]!.GetValue<string>());
    }

    [FixtureFact(needsRabbitMq: true)]
    public async Task TensorFlow_Servings_half_plus_two_answers_through_the_queue()
    {
        var model = Path.Combine(TestEnvironment.FixturesRoot!, "models", "tfserving_half_plus_two_cpu");
        var api = TestDeployment.UniqueName("half");
        var yaml = $"""
            - kind: deployment
              name: {TestDeployment.UniqueName("tf")}
            - kind: api
              name: {api}
              tensorflow:
                model: {model}
                signature_key: serving_default
            """;
        using var deployment = TestDeployment.Create(yaml);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var reply = await HttpJson.PostAsync(running.Http, $"/v1/models/{api}:predict", """{"instances": [[1.0], [2.0], [5.0]]}""");

        Assert.True(reply.Status == 200, reply.Body);
        // x has shape [?, 1] in this SavedModel's signature, so each instance is a one-element list.
        Assert.Equal([2.5f, 3f, 4.5f], reply.Json!["predictions"]!.AsArray().Select(p => p![0]!.GetValue<float>()).ToArray());
    }
}
