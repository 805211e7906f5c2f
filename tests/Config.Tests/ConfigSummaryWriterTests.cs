using System.Text.RegularExpressions;
using Cortex.Queue.Config.Tests.Support;
using static Cortex.Queue.Config.Tests.Support.Yaml;

namespace Cortex.Queue.Config.Tests;

public sealed class ConfigSummaryWriterTests : IDisposable
{
    private readonly TempFolder folder = new();

    private string[] SummaryLines(string yaml)
    {
        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return ConfigSummaryWriter.Write(result.Config!).Split('\n');
    }

    private static void AssertLine(string[] lines, string label, string value) =>
        Assert.Contains(lines, line => Regex.IsMatch(line, $@"^\s*{Regex.Escape(label)}\s+{Regex.Escape(value)}$"));

    [Fact]
    public void Defaults_are_shown_resolved_and_marked_as_defaults()
    {
        var lines = SummaryLines(MinimalApi);

        AssertLine(lines, "deployment", "shop");
        AssertLine(lines, "api", "classifier");
        AssertLine(lines, "endpoint", "/shop/classifier (default)");
        AssertLine(lines, "model", $"tensorflow {folder.Combine("models/mnist")}");
        AssertLine(lines, "signature_key", "(auto)");
        AssertLine(lines, "request_handler", "(none)");
        AssertLine(lines, "tracker", "(none)");
        AssertLine(lines, "min_replicas", "1 (default)");
        AssertLine(lines, "max_replicas", "100 (default)");
        AssertLine(lines, "init_replicas", "1 (default: min_replicas)");
        AssertLine(lines, "target_cpu_utilization", "80% (default)");
        AssertLine(lines, "cpu", "200m (default)");
        AssertLine(lines, "gpu", "0 (default)");
        AssertLine(lines, "mem", "(none) (default)");
        AssertLine(lines, "max_batch_size", "32 (default)");
        AssertLine(lines, "batch_timeout", "2ms (default)");
        AssertLine(lines, "target_queue_length", "32 (default: max_batch_size)");
        AssertLine(lines, "timeout", "30s (default)");
    }

    [Fact]
    public void Values_the_file_gave_carry_no_default_mark()
    {
        var lines = SummaryLines(ApiWith("""
              tracker:
                model_type: regression
                key: price
              compute:
                min_replicas: 0
                cpu: 1
              batching:
                batch_timeout: 500us
              timeout: 2m
            """));

        AssertLine(lines, "tracker", "regression, key 'price'");
        AssertLine(lines, "min_replicas", "0");
        AssertLine(lines, "init_replicas", "0 (default: min_replicas)");
        AssertLine(lines, "cpu", "1");
        AssertLine(lines, "batch_timeout", "500us");
        AssertLine(lines, "timeout", "2m");
    }

    [Fact]
    public void Values_start_in_one_column()
    {
        var lines = SummaryLines(MinimalApi);

        var valueColumns = lines
            .Where(line => line.Length > 0 && Regex.IsMatch(line, @"^\s*\S+\s{2,}\S"))
            .Select(line => Regex.Match(line, @"^\s*\S+\s+").Length)
            .Distinct();
        Assert.Single(valueColumns);
    }

    public void Dispose() => folder.Dispose();
}
