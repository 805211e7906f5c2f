using System.Globalization;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Cli;

/// <summary>The README's first command, as a new user runs it: <c>cortex up examples/iris-classifier</c>, then a request.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task Cortex_up_on_the_iris_example_serves_it_and_classifies_a_setosa_sample_then_stops_on_ctrl_c()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var up = CliProcess.Start(TestEnvironment.RepositoryRoot, "up", "examples/iris-classifier", "--port", port);

        var started = await up.WaitForOutputAsync("is up", TimeSpan.FromSeconds(90));
        Assert.True(started, $"no banner; stdout:\n{up.StandardOutput}\nstderr:\n{up.StandardError}");
        Assert.Contains($"http://127.0.0.1:{port}/iris/classifier", up.StandardOutput);
        Assert.Contains("curl", up.StandardOutput);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var sample = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.RepositoryRoot, "examples", "iris-classifier", "sample.json"));
        var reply = await HttpJson.PostAsync(http, "/iris/classifier", sample);
        Assert.Equal(200, reply.Status);
        Assert.Equal("iris-setosa", reply.Json!.GetValue<string>());

        var (predictExit, predictOutput, predictError) = await CliProcess.RunAsync(
            TestEnvironment.RepositoryRoot, "predict", "classifier", "examples/iris-classifier/sample.json", "--url", $"http://127.0.0.1:{port}");
        Assert.True(predictExit == 0, predictError);
        Assert.Contains("\"iris-setosa\"", predictOutput);

        // --debug shows what each stage made of the sample: the model's class index, then the handler's label.
        var (debugExit, debugOutput, debugError) = await CliProcess.RunAsync(
            TestEnvironment.RepositoryRoot, "predict", "classifier", "examples/iris-classifier/sample.json", "--url", $"http://127.0.0.1:{port}", "--debug");
        Assert.True(debugExit == 0, debugError);
        var debug = System.Text.Json.Nodes.JsonNode.Parse(debugOutput)!["debug"]!;
        Assert.Equal(0, System.Text.Json.Nodes.JsonNode.Parse(debug["inference"]!.GetValue<string>())!["class_index"]!.GetValue<long>());
        Assert.Equal("\"iris-setosa\"", debug["post_inference"]!.GetValue<string>());

        up.Interrupt();
        Assert.Equal(0, await up.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped", up.StandardOutput);
    }
}
