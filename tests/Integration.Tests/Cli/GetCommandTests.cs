using System.Globalization;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Cli;

/// <summary><c>cortex get</c> as a user runs it against <c>cortex up</c>, read as text.</summary>
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
        await GetShowsWhatWasPredictedAsync();
    }

    [RabbitMqAndPostgresFact]
    public async Task Get_on_cortex_up_over_RabbitMQ_and_PostgreSQL_shows_the_class_counts_and_regression_statistics_of_what_was_predicted()
    {
        await GetShowsWhatWasPredictedAsync("--rabbitmq", TestEnvironment.RabbitMqUrl!, "--postgres", RabbitMqAndPostgresFactAttribute.PostgresConnectionString!);
    }

    private static async Task GetShowsWhatWasPredictedAsync(params string[] upOptions)
    {
        using var deployment = TrackedApis.Create();
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var url = $"http://127.0.0.1:{port}";
        using var up = CliProcess.Start(deployment.Folder, ["up", ".", "--port", port, .. upOptions]);
        Assert.True(await up.WaitForOutputAsync("is up", TimeSpan.FromSeconds(90)), $"no banner; stdout:\n{up.StandardOutput}\nstderr:\n{up.StandardError}");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        var classes = await TrackedApis.ClassifyIrisFlowersAsync(http, deployment.PathOf(TrackedApis.Classifier));
        var totals = await TrackedApis.PredictTotalsAsync(http, deployment.PathOf(TrackedApis.Regression), RegressionRequests);
        var classified = classes.Values.Sum();
        await TrackedApis.WaitForTrackedAsync(http, TrackedApis.Classifier, classified, TimeSpan.FromSeconds(60));
        await TrackedApis.WaitForTrackedAsync(http, TrackedApis.Regression, RegressionRequests, TimeSpan.FromSeconds(60));

        var table = await GetAsync(deployment.Folder, "get", "--url", url);
        var rows = Rows(table);
        Assert.Equal(["api", "status", "requested", "available", "last", "update", "avg", "latency", "2XX", "4XX", "5XX"], rows[0]);
        var classifierRow = rows.Single(row => row[0] == TrackedApis.Classifier);
        Assert.Equal(["live", "-", "1"], classifierRow[1..4]);
        Assert.Equal(["ms", Count(classified), "0", "0"], classifierRow[^4..]);
        var regressionRow = rows.Single(row => row[0] == TrackedApis.Regression);
        Assert.Equal(["ms", Count(RegressionRequests), "0", "0"], regressionRow[^4..]);

        var classifier = await GetAsync(deployment.Folder, "get", TrackedApis.Classifier, "--url", url);
        Assert.Contains($"url:  {url}{deployment.PathOf(TrackedApis.Classifier)}", classifier);
        Assert.Contains($"-d '{{\"input\":[0,0,0,0]}}' {url}{deployment.PathOf(TrackedApis.Classifier)}", classifier);
        Assert.Contains("  input  float32  [?, 4]", classifier);
        Assert.Contains($"requests over the last 1h: {classified} (", classifier);
        var classTable = Rows(classifier[classifier.IndexOf("class distribution", StringComparison.Ordinal)..]).Skip(2).ToArray();
        Assert.Equal(
            classes.OrderBy(pair => pair.Key).Select(pair => (pair.Key, Count(pair.Value))),
            classTable.Select(row => (row[0], row[1])).OrderBy(row => row.Item1));

        var regression = await GetAsync(deployment.Folder, "get", TrackedApis.Regression, "--url", url, "--window", "1d");
        Assert.Contains($"requests over the last 1d: {RegressionRequests} (", regression);
        Assert.Contains($"predicted values ({RegressionRequests}):", regression);
        var statistics = Rows(regression[regression.IndexOf("predicted values", StringComparison.Ordinal)..]);
        Assert.Equal(["min", "max", "avg", "p50", "p90", "p99"], statistics[1]);
        Assert.Equal(
            new[] { totals.Min(), totals.Max(), totals.Average(), TrackedApis.ContinuousPercentile(totals, 0.5), TrackedApis.ContinuousPercentile(totals, 0.9), TrackedApis.ContinuousPercentile(totals, 0.99) }
                .Select(value => value.ToString("0.####", CultureInfo.InvariantCulture)),
            statistics[2]);

        var (unknownExit, _, unknownError) = await CliProcess.RunAsync(deployment.Folder, "get", "nope", "--url", url);
        Assert.Equal(1, unknownExit);
        Assert.Contains($"no API 'nope' at {url}; its APIs are: {TrackedApis.Classifier}, {TrackedApis.Regression}", unknownError);

        using var watch = CliProcess.Start(deployment.Folder, "get", "--url", url, "--watch");
        var redrawn = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Occurrences(watch.StandardOutput, "Ctrl-C stops") < 2 && DateTime.UtcNow < redrawn)
        {
            await Task.Delay(200);
        }
        Assert.True(Occurrences(watch.StandardOutput, "Ctrl-C stops") >= 2, $"--watch did not redraw; stdout:\n{watch.StandardOutput}\nstderr:\n{watch.StandardError}");
        Assert.True(Occurrences(watch.StandardOutput, TrackedApis.Classifier + " ") >= 2, watch.StandardOutput);
        watch.Interrupt();
        Assert.Equal(0, await watch.WaitForExitAsync(TimeSpan.FromSeconds(15)));

        up.Interrupt();
        await up.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static async Task<string> GetAsync(string folder, params string[] arguments)
    {
        var (exitCode, output, error) = await CliProcess.RunAsync(folder, arguments);
        Assert.True(exitCode == 0, $"cortex {string.Join(' ', arguments)} exited {exitCode}: {error}");
        return output;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[][] Rows(string text) =>
        text.Split('\n').Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(cells => cells.Length > 0).ToArray();
}
