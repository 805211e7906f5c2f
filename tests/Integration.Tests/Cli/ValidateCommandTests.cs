using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Cli;

/// <summary><c>cortex validate</c> as a user runs it.</summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_prints_the_resolved_API_with_its_endpoint_and_defaults()
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(TestEnvironment.RepositoryRoot, "validate", "examples/iris-classifier");

        Assert.True(exitCode == 0, error);
        Assert.Contains("classifier", output);
        Assert.Contains("/iris/classifier", output);
        Assert.Contains("200m", output);
    }

    [Fact]
    public async Task Validate_reports_every_error_with_file_line_and_key_path_and_exits_1()
    {
        using var deployment = new TemporaryFolder();
        var yaml = """
            - kind: deployment
              name: broken
            - kind: api
              name: first
              onnx:
                model: model.onnx
              compute:
                min_replicas: 5
                max_replicas: 2
            - kind: api
              name: second
              onnx:
                model: model.onnx
              compute:
                min_replica: 1
            """;
        File.WriteAllText(Path.Combine(deployment.Path, "cortex.yaml"), yaml);
        File.WriteAllBytes(Path.Combine(deployment.Path, "model.onnx"), []);

        var (exitCode, _, error) = await CliProcess.RunAsync(deployment.Path, "validate", ".");

        Assert.Equal(1, exitCode);
        Assert.Contains("cortex.yaml:8:", error);
        Assert.Contains("apis[0].compute", error);
        Assert.Contains("cortex.yaml:15:", error);
        Assert.Contains("apis[1].compute.min_replica", error);
        Assert.Contains("min_replicas", error);
    }

    [Fact]
    public async Task Validate_reports_a_model_path_that_does_not_exist()
    {
        using var deployment = new TemporaryFolder();
        File.WriteAllText(Path.Combine(deployment.Path, "cortex.yaml"), "- kind: deployment\n  name: d\n- kind: api\n  name: a\n  onnx:\n    model: missing.onnx\n");

        var (exitCode, _, error) = await CliProcess.RunAsync(deployment.Path, "validate", "cortex.yaml");

        Assert.Equal(1, exitCode);
        Assert.Contains("cortex.yaml:6:", error);
        Assert.Contains("missing.onnx", error);
    }
}
