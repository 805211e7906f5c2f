using Cortex.Queue.Cli.Monitoring;

namespace Cortex.Queue.Cli.Tests.Monitoring;

public sealed class ApiDetailRendererTests
{
    private const string BaseUrl = "http://127.0.0.1:8888";

    private static string Render(int api, string? metrics, string? signature, string window = "1h")
    {
        var listing = MonitoringJson.ReadListing(ContractJson.Listing);
        var detail = new ApiDetail(
            BaseUrl,
            new ApiSnapshot(listing.Apis[api], metrics is null ? null : MonitoringJson.ReadMetrics(metrics)),
            signature is null ? null : MonitoringJson.ReadSignature(signature));
        return ApiDetailRenderer.Render(detail, window, ContractJson.Now);
    }

    [Fact]
    public void A_classification_api_shows_its_url_a_pasteable_curl_line_its_signature_and_class_shares()
    {
        var text = Render(0, ContractJson.ClassificationMetrics, ContractJson.IrisSignature);

        Assert.Contains("url:  http://127.0.0.1:8888/iris/classifier\n", text);
        Assert.Contains("curl: curl -s -X POST -H 'Content-Type: application/json' -d '{\"input\":[0,0,0,0]}' http://127.0.0.1:8888/iris/classifier\n", text);
        Assert.Contains("  input  type     shape\n  input  float32  [?, 4]\n", text);
        Assert.Contains("requests over the last 1h: 1000 (0.28/s)", text);
        Assert.Contains("latency: avg 3.1 ms, p50 2.9 ms, p90 4.0 ms, p99 9.5 ms", text);
        Assert.Contains("  class           count  share\n  iris-virginica  600    60.6%\n  iris-setosa     390    39.4%\n", text);
    }

    [Fact]
    public void A_regression_api_shows_the_statistics_of_its_predicted_values()
    {
        var text = Render(1, ContractJson.RegressionMetrics, ContractJson.IrisSignature, "1d");

        Assert.Contains("requests over the last 1d: 4 (0/s)", text);
        Assert.Contains("predicted values (3):\n  min    max  avg     p50  p90   p99\n  0.125  9.2  4.4417  4    8.16  9.0896\n", text);
        Assert.DoesNotContain("class", text);
    }

    [Fact]
    public void An_api_without_tracker_says_how_to_track_its_predictions()
    {
        var text = Render(1, ContractJson.UntrackedMetrics, ContractJson.IrisSignature);

        Assert.Contains("latency: avg -, p50 -, p90 -, p99 -", text);
        Assert.Contains("add a tracker block", text);
    }

    [Fact]
    public void An_input_too_large_to_type_gets_a_sample_file_in_the_curl_line()
    {
        var text = Render(0, null, ContractJson.ImageSignature);

        Assert.Contains("-d @sample.json http://127.0.0.1:8888/iris/classifier", text);
        Assert.Contains("  images  float32  [?, 28, 28, 1]", text);
        Assert.Contains("no request metrics", text);
    }

    [Fact]
    public void An_unknown_signature_is_said_rather_than_left_out()
    {
        var text = Render(1, null, null);

        Assert.Contains("input signature: not known yet", text);
        Assert.Contains("-d @sample.json http://127.0.0.1:8888/iris/price", text);
    }
}
