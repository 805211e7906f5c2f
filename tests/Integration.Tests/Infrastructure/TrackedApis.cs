using System.Globalization;
using System.Text.Json.Nodes;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>
/// A deployment with one tracked API of each kind: the iris classifier (class_index) and the affine model's
/// <c>total</c> as a regression, plus what the tests send them and what the models answered. The API names are
/// unique to the test, so their durable queues on a shared broker never mix with another test's.
/// </summary>
public sealed class TrackedApis : IDisposable
{
    public TrackedApis()
    {
        var yaml = $"""
            - kind: deployment
              name: {TestDeployment.UniqueName("tracked")}
            - kind: api
              name: {Classifier}
              onnx:
                model: iris.onnx
              tracker:
                key: class_index
                model_type: classification
            - kind: api
              name: {Regression}
              onnx:
                model: affine.onnx
              tracker:
                key: total
                model_type: regression
            """;
        Deployment = TestDeployment.Create(yaml, folder =>
        {
            File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "examples", "iris-classifier", "model.onnx"), Path.Combine(folder, "iris.onnx"));
            TestModels.WriteAffine(Path.Combine(folder, "affine.onnx"));
        });
    }

    public string Classifier { get; } = TestDeployment.UniqueName("classifier");

    public string Regression { get; } = TestDeployment.UniqueName("total");

    public TestDeployment Deployment { get; }

    public void Dispose() => Deployment.Dispose();

    /// <summary>
    /// Classifies every flower of the iris example's data set, in <paramref name="waves"/> bursts a few seconds
    /// apart (so charts with short buckets show more than one bar); returns how often the model answered each class.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> ClassifyIrisFlowersAsync(HttpClient http, string path, int waves = 1)
    {
        var rows = File.ReadLines(Path.Combine(TestEnvironment.RepositoryRoot, "examples", "iris-classifier", "data", "iris.csv")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => "{\"input\": [" + string.Join(",", line.Split(',').Take(4)) + "]}")
            .ToArray();
        var classes = new List<string>();
        foreach (var (wave, index) in rows.Chunk((rows.Length + waves - 1) / waves).Select((wave, index) => (wave, index)))
        {
            if (index > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2.5));
            }
            classes.AddRange(await SendAsync(http, path, wave, reply => reply["class_index"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture)));
        }
        return classes.GroupBy(name => name).ToDictionary(group => group.Key, group => group.LongCount());
    }

    /// <summary>Sends x = [i, 0, 0] for i below <paramref name="count"/>; returns the totals the model answered (2i + 3).</summary>
    public static async Task<double[]> PredictTotalsAsync(HttpClient http, string path, int count)
    {
        var samples = Enumerable.Range(0, count).Select(i => $"{{\"x\": [{i}, 0, 0]}}");
        return await SendAsync(http, path, samples, reply => reply["total"]!.GetValue<double>());
    }

    /// <summary>Waits until the ingress's metrics count <paramref name="expected"/> requests of <paramref name="api"/> (events travel asynchronously).</summary>
    public static async Task<JsonNode> WaitForTrackedAsync(HttpClient http, string api, long expected, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var reply = await HttpJson.GetAsync(http, $"/apis/{api}/metrics?window=1h");
            last = $"{reply.Status} {reply.Body}";
            if (reply.Status == 200 && reply.Json!["requests"]!["count"]!.GetValue<long>() >= expected)
            {
                return reply.Json!;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the metrics of {api} did not reach {expected} requests within {limit.TotalSeconds:0} s; last answer: {last}");
    }

    /// <summary>PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks.</summary>
    public static double ContinuousPercentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var position = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static async Task<T[]> SendAsync<T>(HttpClient http, string path, IEnumerable<string> samples, Func<JsonNode, T> read)
    {
        using var gate = new SemaphoreSlim(8);
        var replies = samples.Select(async sample =>
        {
            await gate.WaitAsync();
            try
            {
                var reply = await HttpJson.PostAsync(http, path, sample);
                Assert.True(reply.Status == 200, $"{path} answered {reply.Status}: {reply.Body}");
                return read(reply.Json!);
            }
            finally
            {
                gate.Release();
            }
        });
        return await Task.WhenAll(replies);
    }
}
