using Cortex.Queue.Config.Tests.Support;
using static Cortex.Queue.Config.Tests.Support.Yaml;

namespace Cortex.Queue.Config.Tests;

public sealed class DefaultsTests : IDisposable
{
    private readonly TempFolder folder = new();

    private ApiConfig LoadSingleApi(string yaml)
    {
        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Assert.Single(result.Config!.Apis);
    }

    [Fact]
    public void A_minimal_api_gets_every_default_the_seed_states()
    {
        var api = LoadSingleApi(MinimalApi);

        Assert.Equal("classifier", api.Name);
        Assert.Equal(0, api.Index);
        Assert.Equal("/shop/classifier", api.Endpoint);
        Assert.Equal(folder.Path, api.PythonPath);
        Assert.Empty(api.Metadata);
        Assert.Null(api.Tracker);
        Assert.Equal(1, api.Compute.MinReplicas);
        Assert.Equal(100, api.Compute.MaxReplicas);
        Assert.Equal(1, api.Compute.InitReplicas);
        Assert.Equal(80, api.Compute.TargetCpuUtilization);
        Assert.Equal("200m", api.Compute.Cpu);
        Assert.Equal(0, api.Compute.Gpu);
        Assert.Null(api.Compute.Mem);
        Assert.Equal(32, api.Batching.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(2), api.Batching.BatchTimeout);
        Assert.Equal(32, api.Autoscaling.TargetQueueLength);
        Assert.Equal(TimeSpan.FromSeconds(30), api.Timeout);
        Assert.Equal(ModelKind.TensorFlow, api.Model.Kind);
        Assert.Null(api.Model.SignatureKey);
        Assert.Null(api.Model.RequestHandler);
        Assert.Equal(["kind", "name", "tensorflow", "tensorflow.model"], api.GivenKeys.Order());
    }

    [Fact]
    public void The_deployment_name_and_file_path_are_kept()
    {
        var result = CortexConfigLoader.LoadText(MinimalApi, folder.ConfigPath);

        Assert.Equal("shop", result.Config!.DeploymentName);
        Assert.Equal(folder.ConfigPath, result.Config.FilePath);
        Assert.Equal(folder.Path, result.Config.RootDirectory);
        Assert.Same(result.Config.Apis[0], result.Config.FindApi("classifier"));
    }

    [Fact]
    public void Versions_list_the_version_folders_that_may_be_served_and_default_to_any()
    {
        var pinned = LoadSingleApi(MinimalApi.Replace("    model: ", "    versions: [2, 7]\n    model: "));
        var any = LoadSingleApi(MinimalApi);

        Assert.Equal([2L, 7L], pinned.Model.Versions);
        Assert.Null(any.Model.Versions);
    }

    [Fact]
    public void Init_replicas_defaults_to_an_explicit_min_replicas()
    {
        var api = LoadSingleApi(ApiWith("  compute:\n    min_replicas: 4\n    max_replicas: 10"));

        Assert.Equal(4, api.Compute.MinReplicas);
        Assert.Equal(4, api.Compute.InitReplicas);
        Assert.Equal(10, api.Compute.MaxReplicas);
    }

    [Fact]
    public void Min_replicas_zero_is_accepted_so_an_api_can_scale_to_zero()
    {
        var api = LoadSingleApi(ApiWith("  compute:\n    min_replicas: 0"));

        Assert.Equal(0, api.Compute.MinReplicas);
        Assert.Equal(0, api.Compute.InitReplicas);
    }

    [Fact]
    public void Target_queue_length_defaults_to_an_explicit_max_batch_size()
    {
        var api = LoadSingleApi(ApiWith("  batching:\n    max_batch_size: 8\n    batch_timeout: 0"));

        Assert.Equal(8, api.Autoscaling.TargetQueueLength);
        Assert.Equal(TimeSpan.Zero, api.Batching.BatchTimeout);
    }

    [Fact]
    public void Empty_blocks_mean_all_their_defaults()
    {
        var api = LoadSingleApi(ApiWith("  compute:\n  batching: {}\n  autoscaling:\n  tracker:\n  metadata:"));

        Assert.Equal(new ComputeConfig(), api.Compute);
        Assert.Equal(new BatchingConfig(), api.Batching);
        Assert.Equal(32, api.Autoscaling.TargetQueueLength);
        Assert.Null(api.Tracker);
        Assert.Empty(api.Metadata);
    }

    [Fact]
    public void Explicit_values_replace_the_defaults()
    {
        var api = LoadSingleApi(ApiWith("""
              endpoint: /digits/predict
              tracker:
                key: label
                model_type: classification
              compute:
                min_replicas: 2
                max_replicas: 6
                init_replicas: 3
                target_cpu_utilization: 50
                cpu: 1.5
                gpu: 1
                mem: 1000000
              batching:
                max_batch_size: 64
                batch_timeout: 500us
              autoscaling:
                target_queue_length: 10
              timeout: 1m30s
            """));

        Assert.Equal("/digits/predict", api.Endpoint);
        Assert.Equal(new TrackerConfig("label", TrackerModelType.Classification), api.Tracker);
        Assert.Equal(new ComputeConfig
        {
            MinReplicas = 2, MaxReplicas = 6, InitReplicas = 3, TargetCpuUtilization = 50, Cpu = "1.5", Gpu = 1, Mem = "1000000",
        }, api.Compute);
        Assert.Equal(64, api.Batching.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMicroseconds(500), api.Batching.BatchTimeout);
        Assert.Equal(10, api.Autoscaling.TargetQueueLength);
        Assert.Equal(TimeSpan.FromSeconds(90), api.Timeout);
        Assert.True(api.IsGiven("compute.min_replicas"));
        Assert.True(api.IsGiven("endpoint"));
        Assert.True(api.IsGiven("tracker.model_type"));
        Assert.False(api.IsGiven("python_path"));
    }

    [Theory]
    [InlineData("cpu: 1", "1")]
    [InlineData("cpu: 0.5", "0.5")]
    [InlineData("cpu: 500m", "500m")]
    [InlineData("cpu: \"250m\"", "250m")]
    [InlineData("mem: 512Mi", "512Mi")]
    [InlineData("mem: 1G", "1G")]
    [InlineData("mem: 1e9", "1e9")]
    [InlineData("mem: null", null)]
    public void Cpu_and_mem_keep_the_kubernetes_quantity_as_text(string line, string? expected)
    {
        var api = LoadSingleApi(ApiWith($"  compute:\n    {line}"));

        Assert.Equal(expected, line.StartsWith("cpu") ? api.Compute.Cpu : api.Compute.Mem);
    }

    [Theory]
    [InlineData("2ms", 2_000)]
    [InlineData("500us", 500)]
    [InlineData("1.5s", 1_500_000)]
    [InlineData("10s", 10_000_000)]
    [InlineData("0.25", 250_000)]
    [InlineData("1", 1_000_000)]
    public void Batch_timeout_accepts_units_and_bare_seconds(string written, long expectedMicroseconds)
    {
        var api = LoadSingleApi(ApiWith($"  batching:\n    batch_timeout: {written}"));

        Assert.Equal(TimeSpan.FromMicroseconds(expectedMicroseconds), api.Batching.BatchTimeout);
    }

    [Fact]
    public void An_onnx_api_loads_with_its_own_kind()
    {
        var api = LoadSingleApi("""
            - kind: deployment
              name: shop
            - kind: api
              name: reg
              onnx:
                model: s3://bucket/models/reg.onnx
            """);

        Assert.Equal(ModelKind.Onnx, api.Model.Kind);
        Assert.True(api.Model.IsS3);
        Assert.Equal("s3://bucket/models/reg.onnx", api.Model.ResolvedPath);
        Assert.Equal("/shop/reg", api.Endpoint);
    }

    public void Dispose() => folder.Dispose();
}
