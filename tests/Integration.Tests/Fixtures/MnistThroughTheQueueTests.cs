using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;
using Cortex.Queue.Runtime.Tests.Fixtures;

namespace Cortex.Queue.Integration.Tests.Fixtures;

/// <summary>
/// The real ONNX models of ../shared/fixtures served through ingress → RabbitMQ → batching worker: every one of the
/// 10,000 MNIST test digits goes through the queue as its own request, and the answers must reach the models'
/// reference accuracy and match their reference outputs.
/// </summary>
public sealed class MnistThroughTheQueueTests
{
    [FixtureFact(needsRabbitMq: true)]
    public Task The_PyTorch_LeNet_reaches_9813_correct_through_the_queue() =>
        RunAsync("pytorch_lenet5_mnist", "input", image => Nested(image, [1, 28, 28]), expectedCorrect: 9813);

    [FixtureFact(needsRabbitMq: true)]
    public Task The_Keras_MLP_reaches_9741_correct_through_the_queue() =>
        RunAsync("keras_mlp_mnist_tf2onnx", "input_layer", image => Nested(image, [784]), expectedCorrect: 9741);

    private static async Task RunAsync(string fixture, string inputName, Func<float[], string> instanceJson, int expectedCorrect)
    {
        var fixtures = TestEnvironment.FixturesRoot!;
        var mnist = MnistTestSet.Load(Path.Combine(fixtures, "datasets", "mnist_t10k"));
        var modelPath = Path.Combine(fixtures, "onnx", fixture, "mnist.onnx");
        var api = TestDeployment.UniqueName("mnist");
        var yaml = $"""
            - kind: deployment
              name: {TestDeployment.UniqueName("m")}
            - kind: api
              name: {api}
              onnx:
                model: {modelPath}
              batching:
                max_batch_size: 64
            """;
        using var deployment = TestDeployment.Create(yaml);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        // TF Serving's row form: each instance becomes its own queue message, batched by the worker with the rest.
        const int perRequest = 250;
        var outputs = new JsonArray?[mnist.Count];
        var chunks = Enumerable.Range(0, (mnist.Count + perRequest - 1) / perRequest);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, _) =>
        {
            var start = chunk * perRequest;
            var count = Math.Min(perRequest, mnist.Count - start);
            var body = new StringBuilder("{\"instances\": [");
            for (var i = 0; i < count; i++)
            {
                body.Append(i == 0 ? "" : ",").Append("{\"").Append(inputName).Append("\": ").Append(instanceJson(mnist.ScaledPixels(start + i, 1))).Append('}');
            }
            body.Append("]}");
            var reply = await HttpJson.PostAsync(running.Http, $"/v1/models/{api}:predict", body.ToString());
            Assert.True(reply.Status == 200, reply.Body);
            var predictions = reply.Json!["predictions"]!.AsArray();
            for (var i = 0; i < count; i++)
            {
                outputs[start + i] = predictions[i]!.AsArray();
            }
        });

        var correct = 0;
        for (var i = 0; i < mnist.Count; i++)
        {
            var scores = outputs[i]!.Select(v => v!.GetValue<float>()).ToArray();
            correct += Array.IndexOf(scores, scores.Max()) == mnist.Labels[i] ? 1 : 0;
        }
        Assert.InRange(correct, expectedCorrect - 2, expectedCorrect + 2);

        var reference = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixtures, "onnx", fixture, "expected", "reference_outputs.json")))!;
        foreach (var image in reference["first_images_x255"]!.AsArray())
        {
            var index = image!["index"]!.GetValue<int>();
            var expected = image["output"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
            var actual = outputs[index]!.Select(v => v!.GetValue<float>()).ToArray();
            for (var k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-5 + 1e-4 * Math.Abs(expected[k]), $"image {index} class {k}: {actual[k]} vs {expected[k]}");
            }
        }
    }

    /// <summary>A flat image as nested JSON lists of the given shape.</summary>
    private static string Nested(float[] values, int[] shape)
    {
        var text = new StringBuilder();
        var offset = 0;
        Write(0);
        return text.ToString();

        void Write(int axis)
        {
            text.Append('[');
            for (var i = 0; i < shape[axis]; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }
                if (axis == shape.Length - 1)
                {
                    text.Append(values[offset++].ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    Write(axis + 1);
                }
            }
            text.Append(']');
        }
    }
}
