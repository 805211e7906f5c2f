using System.Globalization;
using System.Text;
using Cortex.Queue.Config.Values;

namespace Cortex.Queue.Config;

/// <summary>
/// What <c>cortex validate</c> prints for a valid file: every value the APIs will run with, defaults resolved,
/// and "(default)" beside each value the file did not give, so a user sees what they did not choose.
/// </summary>
public static class ConfigSummaryWriter
{
    private const string DefaultMark = " (default)";

    public static string Write(CortexConfig config)
    {
        var rows = new List<Row>
        {
            new(0, "deployment", config.DeploymentName),
            new(0, "file", config.FilePath),
        };
        foreach (var api in config.Apis)
        {
            rows.Add(Row.Blank);
            rows.Add(new Row(0, "api", api.Name));
            rows.AddRange(ApiRows(api));
        }

        // One value column for the whole text keeps it scannable.
        var labelWidth = rows.Max(row => row.Indent + row.Label.Length) + 2;
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var label = new string(' ', row.Indent) + row.Label;
            text.Append(row.Value.Length == 0 ? label : label.PadRight(labelWidth) + row.Value).Append('\n');
        }

        return text.ToString();
    }

    private static IEnumerable<Row> ApiRows(ApiConfig api)
    {
        string Given(string key, string value, string defaultNote = DefaultMark) => api.IsGiven(key) ? value : value + defaultNote;
        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        var model = api.Model;
        var modelKey = model.Kind == ModelKind.TensorFlow ? "tensorflow" : "onnx";
        yield return new Row(2, "endpoint", Given("endpoint", api.Endpoint));
        yield return new Row(2, "model", $"{modelKey} {model.ResolvedPath}");
        if (model.Kind == ModelKind.TensorFlow)
        {
            yield return new Row(2, "signature_key", model.SignatureKey ?? "(auto)");
        }

        yield return new Row(2, "versions", model.Versions is null ? "highest version folder (default)" : "highest of " + string.Join(", ", model.Versions));

        yield return new Row(2, "request_handler", model.RequestHandler ?? "(none)");
        yield return new Row(2, "python_path", Given("python_path", api.PythonPath));
        yield return new Row(2, "metadata", api.Metadata.Count == 0 ? "(none)" : string.Join(", ", api.Metadata.Keys.Order(StringComparer.Ordinal)));
        yield return new Row(2, "tracker", api.Tracker is null ? "(none)" : TrackerText(api.Tracker));

        var compute = api.Compute;
        yield return new Row(2, "compute", "");
        yield return new Row(4, "min_replicas", Given("compute.min_replicas", Number(compute.MinReplicas)));
        yield return new Row(4, "max_replicas", Given("compute.max_replicas", Number(compute.MaxReplicas)));
        yield return new Row(4, "init_replicas", Given("compute.init_replicas", Number(compute.InitReplicas), " (default: min_replicas)"));
        yield return new Row(4, "target_cpu_utilization", Given("compute.target_cpu_utilization", $"{Number(compute.TargetCpuUtilization)}%"));
        yield return new Row(4, "cpu", Given("compute.cpu", compute.Cpu));
        yield return new Row(4, "gpu", Given("compute.gpu", Number(compute.Gpu)));
        yield return new Row(4, "mem", Given("compute.mem", compute.Mem ?? "(none)"));

        yield return new Row(2, "batching", "");
        yield return new Row(4, "max_batch_size", Given("batching.max_batch_size", Number(api.Batching.MaxBatchSize)));
        yield return new Row(4, "batch_timeout", Given("batching.batch_timeout", DurationText.Format(api.Batching.BatchTimeout)));

        yield return new Row(2, "autoscaling", "");
        yield return new Row(4, "target_queue_length",
            Given("autoscaling.target_queue_length", Number(api.Autoscaling.TargetQueueLength), " (default: max_batch_size)"));

        yield return new Row(2, "timeout", Given("timeout", DurationText.Format(api.Timeout)));
    }

    private static string TrackerText(TrackerConfig tracker)
    {
        var type = tracker.ModelType == TrackerModelType.Classification ? "classification" : "regression";
        return tracker.Key is null ? type : $"{type}, key '{tracker.Key}'";
    }

    private readonly record struct Row(int Indent, string Label, string Value)
    {
        public static Row Blank => new(0, "", "");
    }
}
