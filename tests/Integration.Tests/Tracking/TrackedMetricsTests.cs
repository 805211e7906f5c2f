using System.Text.RegularExpressions;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Predictions flow worker → prediction-served → tracker → PostgreSQL, and the metrics route reports them.</summary>
public sealed class TrackedMetricsTests
{
    [RabbitMqAndPostgresFact]
    public async Task Class_counts_in_the_metrics_equal_what_the_iris_model_returned_for_a_thousand_predictions()
    {
        using var schema = new PostgresTestSchema();
        using var deployment = TrackingDeployments.Iris();
        await using var running = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.ConnectionString });
        var samples = TrackingDeployments.IrisSamples();

        var replies = await TrackingDeployments.SendAsync(running.Http, deployment.PathOf("classifier"), 1000, i => samples[i % samples.Length], "iris");

        Assert.All(replies, reply => Assert.Equal(200, reply.Status));
        var returned = replies
            .GroupBy(reply => reply.Json!["class_index"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(group => group.Key, group => (long)group.Count());
        Assert.True(returned.Count >= 2, "the samples should cover several species");
        var metrics = await TrackingDeployments.WaitForMetricsAsync(running.Http, "classifier", 1000);
        Assert.Equal(1000, metrics["requests"]!["count"]!.GetValue<long>());
        Assert.Equal(1000, metrics["requests"]!["status"]!["2XX"]!.GetValue<long>());
        Assert.Equal("classification", metrics["model_type"]!.GetValue<string>());
        var counted = metrics["classes"]!.AsArray().ToDictionary(c => c!["class"]!.GetValue<string>(), c => c!["count"]!.GetValue<long>());
        Assert.Equal(returned.OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
        Assert.Equal(1000, metrics["series"]!.AsArray().Sum(bucket => bucket!["count"]!.GetValue<long>()));
        Assert.NotNull(metrics["latency_ms"]!["p99"]);
    }

    [RabbitMqAndPostgresFact]
    public async Task Regression_statistics_in_the_metrics_match_the_values_the_model_returned()
    {
        using var schema = new PostgresTestSchema();
        using var deployment = TestDeployment.SingleApi("sum", TestModels.WriteAffine, "tracker:\n  key: total\n  model_type: regression");
        await using var running = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.ConnectionString });
        var random = new Random(11);
        var samples = Enumerable.Range(0, 400)
            .Select(_ => "{\"x\": [" + TrackingDeployments.Floats(Enumerable.Range(0, 3).Select(_ => (float)Math.Round(random.NextDouble() * 20 - 5, 3))) + "]}")
            .ToArray();

        var replies = await TrackingDeployments.SendAsync(running.Http, deployment.PathOf("sum"), samples.Length, i => samples[i], "sum");

        Assert.All(replies, reply => Assert.Equal(200, reply.Status));
        var totals = replies.Select(reply => reply.Json!["total"]!.GetValue<double>()).ToArray();
        var metrics = await TrackingDeployments.WaitForMetricsAsync(running.Http, "sum", samples.Length);
        var regression = metrics["regression"]!;
        Assert.Equal("regression", metrics["model_type"]!.GetValue<string>());
        Assert.Null(metrics["classes"]);
        Assert.Equal(totals.Length, regression["count"]!.GetValue<long>());
        Assert.Equal(totals.Min(), regression["min"]!.GetValue<double>(), 6);
        Assert.Equal(totals.Max(), regression["max"]!.GetValue<double>(), 6);
        Assert.Equal(totals.Average(), regression["avg"]!.GetValue<double>(), 6);
        Assert.Equal(TrackedApis.ContinuousPercentile(totals, 0.5), regression["p50"]!.GetValue<double>(), 6);
        Assert.Equal(TrackedApis.ContinuousPercentile(totals, 0.9), regression["p90"]!.GetValue<double>(), 6);
        Assert.Equal(TrackedApis.ContinuousPercentile(totals, 0.99), regression["p99"]!.GetValue<double>(), 6);
    }

    [RabbitMqAndPostgresFact]
    public async Task A_response_without_the_tracked_key_or_with_a_value_of_the_wrong_type_is_answered_logged_once_and_left_out_of_the_counts()
    {
        using var schema = new PostgresTestSchema();
        using var deployment = TestDeployment.Create(
            $"""
            - kind: deployment
              name: {TestDeployment.UniqueName("untracked")}
            - kind: api
              name: no-key
              onnx:
                model: model.onnx
              tracker:
                key: label
                model_type: classification
            - kind: api
              name: wrong-type
              onnx:
                model: model.onnx
              tracker:
                key: y
                model_type: regression
            """,
            folder => TestModels.WriteAffine(Path.Combine(folder, "model.onnx")));
        var rabbit = TestEnvironment.RabbitMqUrl!;
        await using var ingress = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = rabbit, Postgres = schema.ConnectionString, RunWorkers = false },
            waitForWorkers: false);
        using var noKeyWorker = WorkerProcess.Start(deployment.Config.FilePath, "no-key", rabbit);
        using var wrongTypeWorker = WorkerProcess.Start(deployment.Config.FilePath, "wrong-type", rabbit);

        var noKey = await TrackingDeployments.SendAsync(ingress.Http, deployment.PathOf("no-key"), 20, _ => """{"x": [1, 2, 3]}""", "no-key", parallel: 4);
        var wrongType = await TrackingDeployments.SendAsync(ingress.Http, deployment.PathOf("wrong-type"), 20, _ => """{"x": [1, 2, 3]}""", "wrong-type", parallel: 4);

        Assert.All(noKey.Concat(wrongType), reply => Assert.Equal(200, reply.Status));
        var noKeyMetrics = await TrackingDeployments.WaitForMetricsAsync(ingress.Http, "no-key", 20);
        var wrongTypeMetrics = await TrackingDeployments.WaitForMetricsAsync(ingress.Http, "wrong-type", 20);
        Assert.Empty(noKeyMetrics["classes"]!.AsArray());
        Assert.Equal(20, noKeyMetrics["requests"]!["status"]!["2XX"]!.GetValue<long>());
        Assert.Equal(0, wrongTypeMetrics["regression"]!["count"]!.GetValue<long>());
        Assert.Null(wrongTypeMetrics["regression"]!["avg"]);
        // Twenty requests fail alike: the first is warned about, the rest are counted into the next warning (due in 10 s).
        var noKeyWarning = Assert.Single(Regex.Matches(noKeyWorker.Output, @"no-key request no-key-\d+: the tracker could not record the prediction: [^\n]*"));
        Assert.Contains("the response has no key 'label' (its keys: y, total); expected a JSON object whose 'label' is a string or an integer (classification). The request was answered normally. (0 more since the last such warning; logged at most every 10 s per API)", noKeyWarning.Value);
        var wrongTypeWarning = Assert.Single(Regex.Matches(wrongTypeWorker.Output, @"wrong-type request wrong-type-\d+: the tracker could not record the prediction: [^\n]*"));
        Assert.Contains("the tracker could not record the prediction: the value is an array [", wrongTypeWarning.Value);
        Assert.Contains("expected a JSON object whose 'y' is a number (regression)", wrongTypeWarning.Value);
    }
}
