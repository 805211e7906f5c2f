using Cortex.Queue.Config.Tests.Support;
using static Cortex.Queue.Config.Tests.Support.Yaml;

namespace Cortex.Queue.Config.Tests;

public sealed class UnknownKeyTests : IDisposable
{
    private readonly TempFolder folder = new();

    private ConfigError SingleError(string yaml) => Assert.Single(CortexConfigLoader.LoadText(yaml, folder.ConfigPath).Errors);

    [Theory]
    [InlineData("  compute:\n    min_replica: 2", "unknown key 'min_replica'; did you mean 'min_replicas'?")]
    [InlineData("  compute:\n    memory: 1Gi", "unknown key 'memory'; did you mean 'mem'?")]
    [InlineData("  batching:\n    timeout: 5ms", "unknown key 'timeout'; did you mean 'batch_timeout'?")]
    [InlineData("  tracker:\n    model_type: regression\n    kye: label", "unknown key 'kye'; did you mean 'key'?")]
    [InlineData("  endpont: /x", "unknown key 'endpont'; did you mean 'endpoint'?")]
    [InlineData("    signature: predict", "unknown key 'signature'; did you mean 'signature_key'?")]
    public void An_unknown_key_suggests_the_nearest_valid_key_at_its_level(string lines, string expected)
    {
        var error = SingleError(ApiWith(lines));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void An_unknown_key_with_nothing_close_lists_the_valid_keys()
    {
        var error = SingleError(ApiWith("  batching:\n    concurrency: 4"));

        Assert.Equal("apis[0].batching.concurrency", error.KeyPath);
        Assert.Equal("unknown key 'concurrency'; valid keys in batching: are max_batch_size, batch_timeout", error.Message);
    }

    [Theory]
    [InlineData("  gpu: 1", "unknown key 'gpu' in the API; it belongs under compute:")]
    [InlineData("  request_handler: h.cs", "unknown key 'request_handler' in the API; it belongs under tensorflow: or onnx:")]
    [InlineData("  max_batch_size: 8", "unknown key 'max_batch_size' in the API; it belongs under batching:")]
    [InlineData("  target_queue_length: 8", "unknown key 'target_queue_length' in the API; it belongs under autoscaling:")]
    [InlineData("  compute:\n    endpoint: /x", "unknown key 'endpoint' in compute:; it belongs at the API level (next to name:)")]
    public void A_key_written_in_the_wrong_block_says_where_it_belongs(string lines, string expected)
    {
        Assert.Equal(expected, SingleError(ApiWith(lines)).Message);
    }

    [Fact]
    public void A_misspelt_kind_suggests_the_nearest_kind()
    {
        var error = SingleError("- kind: deploymnt\n  name: shop\n- kind: api\n  name: a\n  onnx: {model: m.onnx}\n");

        Assert.Equal("resources[0].kind", error.KeyPath);
        Assert.Equal("unknown kind 'deploymnt'; did you mean 'deployment'?", error.Message);
    }

    [Fact]
    public void A_kind_far_from_any_valid_one_lists_both()
    {
        var errors = CortexConfigLoader.LoadText(MinimalApi + "\n- kind: secret\n", folder.ConfigPath).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("unknown kind 'secret'; expected 'deployment' or 'api'", error.Message);
    }

    public void Dispose() => folder.Dispose();
}
