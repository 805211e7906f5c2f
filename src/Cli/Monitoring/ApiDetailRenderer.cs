using System.Text;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary><c>cortex get API</c>: its status line, URL, curl line, input signature, then what it predicted.</summary>
public static class ApiDetailRenderer
{
    public static string Render(ApiDetail detail, string window, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var (api, metrics) = detail.Snapshot;
        ApiTableRenderer.WriteTable(text, [detail.Snapshot], now);

        var url = detail.BaseUrl + api.Endpoint;
        var sample = SampleSketch.FromSignature(detail.Signature);
        text.AppendLine();
        text.AppendLine($"url:  {url}");
        text.AppendLine($"curl: curl -s -X POST -H 'Content-Type: application/json' -d {(sample is null ? "@sample.json" : ShellQuote(sample))} {url}");

        text.AppendLine();
        if (detail.Signature is null)
        {
            text.AppendLine("input signature: not known yet (no worker has reported the model)");
        }
        else
        {
            text.AppendLine("input signature:");
            var inputs = new TextTable("input", "type", "shape");
            foreach (var input in detail.Signature)
            {
                inputs.Add(input.Name, input.Type, MonitoringFormat.Shape(input.Shape));
            }
            inputs.WriteTo(text, "  ");
        }

        text.AppendLine();
        if (metrics is null)
        {
            text.AppendLine("no request metrics: this ingress keeps none (no tracker store)");
            return text.ToString();
        }
        WriteRequests(text, metrics);
        text.AppendLine();
        switch (metrics.ModelType)
        {
            case "classification":
                WriteClasses(text, metrics);
                break;
            case "regression":
                WriteRegression(text, metrics);
                break;
            default:
                text.AppendLine("predictions are not tracked (add a tracker block to the API in cortex.yaml)");
                break;
        }
        return text.ToString();
    }

    private static void WriteRequests(StringBuilder text, ApiMetrics metrics)
    {
        var latency = metrics.LatencyMs;
        text.AppendLine($"requests over the last {metrics.Window}: {metrics.Requests.Count} ({MonitoringFormat.Rate(metrics.Requests.RatePerSecond)})");
        text.AppendLine($"latency: avg {MonitoringFormat.Milliseconds(latency.Avg)}, p50 {MonitoringFormat.Milliseconds(latency.P50)}, p90 {MonitoringFormat.Milliseconds(latency.P90)}, p99 {MonitoringFormat.Milliseconds(latency.P99)}");
    }

    private static void WriteClasses(StringBuilder text, ApiMetrics metrics)
    {
        var classes = metrics.Classes ?? [];
        if (classes.Count == 0)
        {
            text.AppendLine($"class distribution: no prediction tracked in the last {metrics.Window}");
            return;
        }
        var total = classes.Sum(entry => entry.Count);
        text.AppendLine($"class distribution (top {classes.Count}):");
        var table = new TextTable("class", "count", "share");
        foreach (var entry in classes)
        {
            table.Add(entry.Class, MonitoringFormat.Count(entry.Count), MonitoringFormat.Share(entry.Count, total));
        }
        table.WriteTo(text, "  ");
    }

    private static void WriteRegression(StringBuilder text, ApiMetrics metrics)
    {
        var values = metrics.Regression;
        if (values is null || values.Count == 0)
        {
            text.AppendLine($"predicted values: none tracked in the last {metrics.Window}");
            return;
        }
        text.AppendLine($"predicted values ({values.Count}):");
        new TextTable("min", "max", "avg", "p50", "p90", "p99")
            .Add(
                MonitoringFormat.Number(values.Min),
                MonitoringFormat.Number(values.Max),
                MonitoringFormat.Number(values.Avg),
                MonitoringFormat.Number(values.P50),
                MonitoringFormat.Number(values.P90),
                MonitoringFormat.Number(values.P99))
            .WriteTo(text, "  ");
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
