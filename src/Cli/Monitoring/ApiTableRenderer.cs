using System.Text;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary><c>cortex get</c> without an API: one line per API, Cortex's columns.</summary>
public static class ApiTableRenderer
{
    public static string Render(IReadOnlyList<ApiSnapshot> apis, string window, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (apis.Count == 0)
        {
            text.AppendLine("no APIs are deployed");
            return text.ToString();
        }
        WriteTable(text, apis, now);
        text.AppendLine();
        text.AppendLine(apis.Any(api => api.Metrics is not null)
            ? $"latency and status counts over the last {window}"
            : "no request metrics: this ingress keeps none (no tracker store)");
        return text.ToString();
    }

    /// <summary>The table alone; <c>cortex get API</c> prints the same one-line table above its details.</summary>
    public static void WriteTable(StringBuilder text, IReadOnlyList<ApiSnapshot> apis, DateTimeOffset now)
    {
        var table = new TextTable("api", "status", "requested", "available", "last update", "avg latency", "2XX", "4XX", "5XX");
        foreach (var (api, metrics) in apis)
        {
            var replicas = api.Replicas;
            table.Add(
                api.Name,
                MonitoringFormat.Status(api),
                replicas.RequestedText,
                replicas.AvailableText,
                MonitoringFormat.Age(api.LastUpdate, now),
                MonitoringFormat.Milliseconds(metrics?.LatencyMs.Avg),
                MonitoringFormat.Count(metrics?.Requests.Status.Success),
                MonitoringFormat.Count(metrics?.Requests.Status.ClientErrors),
                MonitoringFormat.Count(metrics?.Requests.Status.ServerErrors));
        }
        table.WriteTo(text);
    }
}
