using System.Globalization;
using System.Text.Json.Nodes;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Deployments, samples and polling shared by the tracking tests.</summary>
public static class TrackingDeployments
{
    /// <summary>The iris example model with its tracker (class_index, classification) under a unique deployment name.</summary>
    public static TestDeployment Iris() => TestDeployment.Create(
        $"""
        - kind: deployment
          name: {TestDeployment.UniqueName("iris")}
        - kind: api
          name: classifier
          onnx:
            model: model.onnx
          tracker:
            key: class_index
            model_type: classification
        """,
        folder => File.Copy(Path.Combine(TestEnvironment.RepositoryRoot, "examples", "iris-classifier", "model.onnx"), Path.Combine(folder, "model.onnx")));

    /// <summary>The 150 flowers of the iris data set as request bodies.</summary>
    public static string[] IrisSamples() =>
        File.ReadLines(Path.Combine(TestEnvironment.RepositoryRoot, "examples", "iris-classifier", "data", "iris.csv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => "{\"input\": [" + string.Join(", ", line.Split(',').Take(4)) + "]}")
            .ToArray();

    /// <summary>Sends <paramref name="count"/> requests, <paramref name="parallel"/> at a time, each with its own X-Request-Id.</summary>
    public static async Task<HttpJson.Reply[]> SendAsync(HttpClient http, string path, int count, Func<int, string> body, string idPrefix, int parallel = 16)
    {
        var replies = new HttpJson.Reply[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body(i), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Request-Id", $"{idPrefix}-{i}");
            using var response = await http.SendAsync(request, ct);
            replies[i] = new HttpJson.Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        });
        return replies;
    }

    /// <summary>Polls <c>/apis/{api}/metrics</c> until it counts <paramref name="expected"/> requests (events arrive asynchronously).</summary>
    public static async Task<JsonNode> WaitForMetricsAsync(HttpClient http, string api, long expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        HttpJson.Reply last;
        do
        {
            last = await HttpJson.GetAsync(http, $"/apis/{api}/metrics?window=1h");
            if (last.Status == 200 && last.Json!["requests"]!["count"]!.GetValue<long>() >= expected)
            {
                return last.Json!;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"the metrics of {api} did not reach {expected} requests: {last.Status} {last.Body[..Math.Min(400, last.Body.Length)]}");
    }

    public static string Floats(IEnumerable<float> values) => string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
