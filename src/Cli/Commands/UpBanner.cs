using System.Text;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Config;
using Cortex.Queue.Messaging;

namespace Cortex.Queue.Cli.Commands;

/// <summary>What <c>cortex up</c> prints once it serves: each API's URL and a curl line to paste.</summary>
public static class UpBanner
{
    public static string Write(CortexConfig config, EmbeddedHostOptions options, bool ready)
    {
        var text = new StringBuilder();
        var baseUrl = $"http://127.0.0.1:{options.Port}";
        var transport = new MessagingOptions { RabbitMq = options.RabbitMq }.DescribeTransport();
        text.AppendLine(ready
            ? $"deployment '{config.DeploymentName}' is up ({config.Apis.Count} API{(config.Apis.Count == 1 ? "" : "s")}, queue: {transport})"
            : $"deployment '{config.DeploymentName}' started, but not every API is ready yet (see the log above)");
        foreach (var api in config.Apis)
        {
            var url = baseUrl + api.Endpoint;
            var sample = Path.Combine(config.RootDirectory, "sample.json");
            var data = File.Exists(sample) ? "@" + Path.GetRelativePath(Environment.CurrentDirectory, sample) : "'{...}'";
            text.AppendLine();
            text.AppendLine($"  {api.Name}: {url}");
            text.AppendLine($"    curl -s -X POST -H 'Content-Type: application/json' -d {data} {url}");
            text.AppendLine($"    signature: {url}/signature");
        }
        text.AppendLine();
        text.AppendLine($"  metrics: {baseUrl}/metrics   health: {baseUrl}/healthz   ready: {baseUrl}/readyz");
        text.AppendLine("  press Ctrl-C to stop");
        return text.ToString();
    }
}
