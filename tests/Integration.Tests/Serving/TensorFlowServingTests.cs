using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>A <c>tensorflow:</c> API is served through the queue exactly like an <c>onnx:</c> one.</summary>
public sealed class TensorFlowServingTests
{
    [RabbitMqFact]
    public async Task A_SavedModel_with_variables_is_served_end_to_end_through_RabbitMQ()
    {
        var api = TestDeployment.UniqueName("dense");
        var yaml = $"""
            - kind: deployment
              name: {TestDeployment.UniqueName("tf")}
            - kind: api
              name: {api}
              tensorflow:
                model: savedmodel
            """;
        using var deployment = TestDeployment.Create(yaml, folder => WriteDenseRelu(Path.Combine(folder, "savedmodel", "1")));
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var reply = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"features": [1, 2]}""");
        var signature = await HttpJson.GetAsync(running.Http, deployment.PathOf(api) + "/signature");

        Assert.Equal(200, reply.Status);
        // relu([x0, x1, 2*x1 - x0] + [0.5, -10, 0]) for x = [1, 2]
        Assert.Equal([1.5f, 0f, 3f], HttpJson.Floats(reply.Json!["activations"]));
        Assert.Equal("serving_default", signature.Json!["signature_key"]!.GetValue<string>());
        Assert.Equal("float32", signature.Json!["signature"]!["features"]!["type"]!.GetValue<string>());
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

    private static void WriteDenseRelu(string folder)
    {
        var writer = new SavedModelWriter();
        var x = writer.Graph.Placeholder("x", DataType.DtFloat, [-1, 2]);
        var kernel = writer.Variable("dense/kernel", new Tensor(TensorDataType.Float32, [2, 3], new[] { 1f, 0f, -1f, 0f, 1f, 2f }));
        var bias = writer.Variable("dense/bias", new Tensor(TensorDataType.Float32, [3], new[] { 0.5f, -10f, 0f }));
        writer.Graph.Op("MatMul", "dense/MatMul", DataType.DtFloat, x, kernel);
        writer.Graph.Op("BiasAdd", "dense/BiasAdd", DataType.DtFloat, "dense/MatMul", bias);
        writer.Graph.Op("Relu", "dense/Relu", DataType.DtFloat, "dense/BiasAdd");
        writer.AddSignature(
            "serving_default",
            [new SignatureTensor("features", "x:0", DataType.DtFloat, [-1, 2])],
            [new SignatureTensor("activations", "dense/Relu:0", DataType.DtFloat, [-1, 3])]);
        writer.Write(folder);
    }
}
