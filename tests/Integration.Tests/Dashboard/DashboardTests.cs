using Cortex.Queue.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cortex.Queue.Integration.Tests.Dashboard;

/// <summary>The /dashboard page as a browser shows it, after real predictions went through a deployment.</summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    private const int RegressionRequests = 40;

    [ChromiumFact]
    public async Task The_dashboard_plots_each_apis_requests_latency_and_predictions_and_a_screenshot_is_saved()
    {
        using var apis = new TrackedApis();
        await using var running = await RunningDeployment.StartAsync(apis.Deployment.Config);
        var classes = await TrackedApis.ClassifyIrisFlowersAsync(running.Http, apis.Deployment.PathOf(apis.Classifier), waves: 3);
        var totals = await TrackedApis.PredictTotalsAsync(running.Http, apis.Deployment.PathOf(apis.Regression), RegressionRequests);
        var classified = classes.Values.Sum();
        await TrackedApis.WaitForTrackedAsync(running.Http, apis.Classifier, classified, TimeSpan.FromSeconds(60));
        var regression = await TrackedApis.WaitForTrackedAsync(running.Http, apis.Regression, RegressionRequests, TimeSpan.FromSeconds(60));
        var bucketSeconds = regression["bucket_seconds"]!.GetValue<double>();

        var charts = DashboardDom.Charts(await HeadlessChromium.DumpDomAsync(running.BaseUrl + "/dashboard?window=1h"));

        DashboardDom.Chart ChartOf(string api, string name) =>
            charts.SingleOrDefault(chart => chart.Api == api && chart.Name == name)
            ?? throw new Xunit.Sdk.XunitException($"no '{name}' chart for {api}; charts drawn: {string.Join(", ", charts.Select(chart => chart.Api + "/" + chart.Name))}");

        // Stacked bars: per class, the drawn segments add up to what the model answered.
        var classBars = ChartOf(apis.Classifier, "predictions").Marks
            .GroupBy(mark => mark.Series)
            .ToDictionary(group => group.Key, group => (long)group.Sum(mark => mark.Value));
        Assert.Equal(classes.OrderBy(pair => pair.Key), classBars.OrderBy(pair => pair.Key));

        // Request rate is per second of each bucket: rate × bucket length summed over buckets is the count sent.
        var rates = ChartOf(apis.Classifier, "requests").Marks.Where(mark => mark.Series == "all").ToArray();
        Assert.Equal(classified, rates.Sum(mark => mark.Value * bucketSeconds), precision: 6);
        Assert.Equal(RegressionRequests, ChartOf(apis.Regression, "requests").Marks.Where(mark => mark.Series == "all").Sum(mark => mark.Value * bucketSeconds), precision: 6);

        foreach (var api in new[] { apis.Classifier, apis.Regression })
        {
            var latency = ChartOf(api, "latency").Marks;
            Assert.All(new[] { "p50", "p90", "p99" }, series => Assert.Contains(latency, mark => mark.Series == series && mark.Value > 0));
        }

        var values = ChartOf(apis.Regression, "predictions").Marks;
        Assert.Contains(values, mark => mark.Series == "avg");
        Assert.Contains(values, mark => mark.Series == "p50");
        Assert.All(values, mark => Assert.InRange(mark.Value, totals.Min(), totals.Max()));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "test-output", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        // The last minute in 5 s buckets shows the three waves of requests apart.
        await HeadlessChromium.SaveScreenshotAsync(running.BaseUrl + "/dashboard?window=1m", screenshot);
        output.WriteLine($"dashboard screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is nearly empty");
    }

    [Fact]
    public async Task The_dashboard_page_script_and_style_come_from_the_ingress_itself_with_nothing_fetched_from_the_internet()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, waitForWorkers: false);

        using var page = await running.Http.GetAsync("/dashboard");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var references = System.Text.RegularExpressions.Regex.Matches(html, """(?:src|href)="([^"]+)" """.TrimEnd()).Select(match => match.Groups[1].Value).ToArray();
        Assert.Equal(["/dashboard/dashboard.css", "/dashboard/dashboard.js"], references.Order());

        foreach (var (path, mediaType) in new[] { ("/dashboard/dashboard.js", "text/javascript"), ("/dashboard/dashboard.css", "text/css") })
        {
            using var asset = await running.Http.GetAsync(path);
            Assert.Equal(200, (int)asset.StatusCode);
            Assert.Equal(mediaType, asset.Content.Headers.ContentType?.MediaType);
            var text = await asset.Content.ReadAsStringAsync();
            // The SVG namespace is a name, not a fetch; any other absolute URL would need the internet.
            Assert.DoesNotMatch("""https?://(?!www\.w3\.org/2000/svg)""", text);
        }

        using var missing = await running.Http.GetAsync("/dashboard/nothing.js");
        Assert.Equal(404, (int)missing.StatusCode);
    }
}
