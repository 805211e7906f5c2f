using System.Globalization;
using Cortex.Queue.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Cortex.Queue.Integration.Tests.Cli;

/// <summary><c>cortex get</c> as a user runs it, against <c>cortex up</c> and against a distributed ingress, read as text.</summary>
public sealed class GetCommandTests
{
    private const int RegressionRequests = 30;

    [Fact]
    public async Task Get_against_an_address_where_nothing_listens_names_the_address_and_suggests_cortex_up()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";

        var (exitCode, output, error) = await CliProcess.RunAsync(TestEnvironment.RepositoryRoot, "get", "--url", url);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"cannot reach the ingress at {url}", error);
        Assert.Contains("cortex up", error);
    }

    [Fact]
    public async Task Get_on_cortex_up_lists_both_apis_then_shows_the_class_counts_and_regression_statistics_of_what_was_predicted()
    {
        using var apis = new TrackedApis();
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        using var up = CliProcess.Start(apis.Deployment.Folder, "up", ".", "--port", port);
        Assert.True(await up.WaitForOutputAsync("is up", TimeSpan.FromSeconds(90)), $"no banner; stdout:\n{up.StandardOutput}\nstderr:\n{up.StandardError}");

        await AssertGetShowsWhatWasPredictedAsync(apis, $"http://127.0.0.1:{port}");

        up.Interrupt();
        await up.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    [RabbitMqAndPostgresFact]
    public async Task Get_on_a_distributed_ingress_with_workers_and_tracker_in_their_own_processes_shows_what_was_predicted()
    {
        using var schema = new PostgresTestSchema();
        using var apis = new TrackedApis();
        var rabbit = TestEnvironment.RabbitMqUrl!;
        var asyncResultsQueue = TestDeployment.UniqueName("async-results-tracker");
        var port = FreePort.Next();
        try
        {
            using var tracker = ComponentProcess.Start("Tracker", new Dictionary<string, string>
            {
                ["CORTEX_RABBITMQ"] = rabbit,
                ["CORTEX_POSTGRES"] = schema.ConnectionString,
                // A queue of this test's own that goes away with the process, and only this deployment's events.
                ["Tracker__QueueName"] = TestDeployment.UniqueName("prediction-served-tracker"),
                ["Tracker__TemporaryQueue"] = "true",
                ["Tracker__Deployment"] = apis.Deployment.DeploymentName,
                ["Tracker__AsyncResultsQueueName"] = asyncResultsQueue,
            }, "--urls", "http://127.0.0.1:0");
            using var ingress = ComponentProcess.Start(
                "Ingress",
                new Dictionary<string, string> { ["CORTEX_CONFIG"] = apis.Deployment.Config.FilePath, ["CORTEX_RABBITMQ"] = rabbit, ["CORTEX_POSTGRES"] = schema.ConnectionString },
                "--urls", $"http://127.0.0.1:{port}");
            using var classifierWorker = WorkerProcess.Start(apis.Deployment.Config.FilePath, apis.Classifier, rabbit);
            using var regressionWorker = WorkerProcess.Start(apis.Deployment.Config.FilePath, apis.Regression, rabbit);
            var url = $"http://127.0.0.1:{port}";
            await WaitForWorkersAsync(url, 2, () => $"ingress:\n{ingress.Output}\ntracker:\n{tracker.Output}\nworkers:\n{classifierWorker.Output}\n{regressionWorker.Output}");

            await AssertGetShowsWhatWasPredictedAsync(apis, url);
        }
        finally
        {
            var factory = new ConnectionFactory { Uri = new Uri(rabbit) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(asyncResultsQueue);
        }
    }

    private static async Task AssertGetShowsWhatWasPredictedAsync(TrackedApis apis, string url)
    {
        var folder = apis.Deployment.Folder;
        var classifierUrl = url + apis.Deployment.PathOf(apis.Classifier);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var classes = await TrackedApis.ClassifyIrisFlowersAsync(http, apis.Deployment.PathOf(apis.Classifier));
        var totals = await TrackedApis.PredictTotalsAsync(http, apis.Deployment.PathOf(apis.Regression), RegressionRequests);
        var classified = classes.Values.Sum();
        await TrackedApis.WaitForTrackedAsync(http, apis.Classifier, classified, TimeSpan.FromSeconds(60));
        await TrackedApis.WaitForTrackedAsync(http, apis.Regression, RegressionRequests, TimeSpan.FromSeconds(60));

        var rows = Rows(await GetAsync(folder, "get", "--url", url));
        Assert.Equal(["api", "status", "requested", "available", "last", "update", "avg", "latency", "2XX", "4XX", "5XX"], rows[0]);
        var classifierRow = rows.Single(row => row[0] == apis.Classifier);
        Assert.Equal(["live", "-", "1"], classifierRow[1..4]);
        Assert.Equal(["ms", Count(classified), "0", "0"], classifierRow[^4..]);
        var regressionRow = rows.Single(row => row[0] == apis.Regression);
        Assert.Equal(["ms", Count(RegressionRequests), "0", "0"], regressionRow[^4..]);

        var classifier = await GetAsync(folder, "get", apis.Classifier, "--url", url);
        Assert.Contains($"url:  {classifierUrl}\n", classifier);
        Assert.Contains($"-d '{{\"input\":[0,0,0,0]}}' {classifierUrl}\n", classifier);
        Assert.Contains("  input  float32  [?, 4]", classifier);
        Assert.Contains($"requests over the last 1h: {classified} (", classifier);
        var classTable = Rows(classifier[classifier.IndexOf("class distribution", StringComparison.Ordinal)..]).Skip(2).ToArray();
        Assert.Equal(
            classes.OrderBy(pair => pair.Key).Select(pair => (pair.Key, Count(pair.Value))),
            classTable.Select(row => (row[0], row[1])).OrderBy(row => row.Item1));

        var regression = await GetAsync(folder, "get", apis.Regression, "--url", url, "--window", "1d");
        Assert.Contains($"requests over the last 1d: {RegressionRequests} (", regression);
        var statistics = Rows(regression[regression.IndexOf($"predicted values ({RegressionRequests}):", StringComparison.Ordinal)..]);
        Assert.Equal(["min", "max", "avg", "p50", "p90", "p99"], statistics[1]);
        Assert.Equal(
            new[] { totals.Min(), totals.Max(), totals.Average(), TrackedApis.ContinuousPercentile(totals, 0.5), TrackedApis.ContinuousPercentile(totals, 0.9), TrackedApis.ContinuousPercentile(totals, 0.99) }
                .Select(value => value.ToString("0.####", CultureInfo.InvariantCulture)),
            statistics[2]);

        var (unknownExit, _, unknownError) = await CliProcess.RunAsync(folder, "get", "nope", "--url", url);
        Assert.Equal(1, unknownExit);
        Assert.Contains($"no API 'nope' at {url}; its APIs are: {apis.Classifier}, {apis.Regression}", unknownError);

        using var watch = CliProcess.Start(folder, "get", "--url", url, "--watch");
        var redrawn = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Occurrences(watch.StandardOutput, "Ctrl-C stops") < 2 && DateTime.UtcNow < redrawn)
        {
            await Task.Delay(200);
        }
        Assert.True(Occurrences(watch.StandardOutput, "Ctrl-C stops") >= 2, $"--watch did not redraw; stdout:\n{watch.StandardOutput}\nstderr:\n{watch.StandardError}");
        Assert.True(Occurrences(watch.StandardOutput, apis.Classifier + " ") >= 2, watch.StandardOutput);
        watch.Interrupt();
        Assert.Equal(0, await watch.WaitForExitAsync(TimeSpan.FromSeconds(15)));
    }

    private static async Task WaitForWorkersAsync(string url, int workers, Func<string> diagnostics)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var listing = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(url + "/apis"))!;
                if (listing["apis"]!.AsArray().Sum(api => api!["workers"]!.GetValue<int>()) >= workers)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // The ingress is still starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{workers} workers did not announce themselves within 90 s\n{diagnostics()}");
    }

    private static async Task<string> GetAsync(string folder, params string[] arguments)
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(folder, arguments);
        Assert.True(exitCode == 0, $"cortex {string.Join(' ', arguments)} exited {exitCode}: {error}");
        return output;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string[][] Rows(string text) =>
        text.Split('\n').Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(cells => cells.Length > 0).ToArray();
}
