using Cortex.Queue.Cli.Monitoring;

namespace Cortex.Queue.Cli.Tests.Monitoring;

public sealed class ApiTableRendererTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();

    [Fact]
    public void Every_api_gets_a_row_with_status_workers_last_update_latency_and_status_counts()
    {
        var listing = MonitoringJson.ReadListing(ContractJson.Listing);
        var snapshots = new[]
        {
            new ApiSnapshot(listing.Apis[0], MonitoringJson.ReadMetrics(ContractJson.ClassificationMetrics)),
            new ApiSnapshot(listing.Apis[1], MonitoringJson.ReadMetrics(ContractJson.UntrackedMetrics)),
        };

        var lines = Lines(ApiTableRenderer.Render(snapshots, "1h", ContractJson.Now));

        Assert.Equal(["api", "status", "requested", "available", "last", "update", "avg", "latency", "2XX", "4XX", "5XX"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["classifier", "live", "-", "2", "12s", "ago", "3.1", "ms", "990", "10", "0"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["price", "waiting", "for", "workers", "-", "0", "-", "-", "0", "0", "0"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("over the last 1h", lines[^1]);
    }

    [Fact]
    public void Columns_line_up_under_their_headers_whatever_the_width_of_the_names()
    {
        var listing = MonitoringJson.ReadListing(ContractJson.Listing);
        var snapshots = listing.Apis.Select(api => new ApiSnapshot(api, null)).ToArray();

        var lines = Lines(ApiTableRenderer.Render(snapshots, "1h", ContractJson.Now));

        var statusColumn = lines[0].IndexOf("status", StringComparison.Ordinal);
        Assert.Equal(statusColumn, lines[1].IndexOf("live", StringComparison.Ordinal));
        Assert.Equal(statusColumn, lines[2].IndexOf("waiting", StringComparison.Ordinal));
        Assert.True(statusColumn >= "classifier".Length + 2, lines[0]);
    }

    [Fact]
    public void Without_metrics_the_figures_are_dashes_and_the_footer_says_why()
    {
        var listing = MonitoringJson.ReadListing(ContractJson.Listing);

        var lines = Lines(ApiTableRenderer.Render([new ApiSnapshot(listing.Apis[0], null)], "1h", ContractJson.Now));

        Assert.Equal(["classifier", "live", "-", "2", "12s", "ago", "-", "-", "-", "-"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no request metrics", lines[^1]);
    }

    [Fact]
    public void Requested_replicas_show_when_the_ingress_reports_them()
    {
        var listing = MonitoringJson.ReadListing(ContractJson.Listing.Replace("\"workers\": 2,", "\"workers\": 2, \"requested_replicas\": 3,", StringComparison.Ordinal));

        Assert.Equal(new ReplicaCounts(3, 2), listing.Apis[0].Replicas);
        var row = Lines(ApiTableRenderer.Render([new ApiSnapshot(listing.Apis[0], null)], "1h", ContractJson.Now))[1];
        Assert.StartsWith("classifier  live    3          2", row);
    }

    [Fact]
    public void Last_update_reads_as_an_age_in_the_largest_whole_unit()
    {
        var now = ContractJson.Now;
        Assert.Equal("59s ago", MonitoringFormat.Age(now.AddSeconds(-59), now));
        Assert.Equal("5m ago", MonitoringFormat.Age(now.AddMinutes(-5.5), now));
        Assert.Equal("47h ago", MonitoringFormat.Age(now.AddHours(-47), now));
        Assert.Equal("3d ago", MonitoringFormat.Age(now.AddDays(-3), now));
        Assert.Equal("-", MonitoringFormat.Age(null, now));
    }

    [Fact]
    public void An_empty_deployment_says_so_instead_of_printing_a_bare_header()
    {
        Assert.Equal("no APIs are deployed", ApiTableRenderer.Render([], "1h", ContractJson.Now).Trim());
    }
}
