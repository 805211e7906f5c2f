using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Runtime.Sources;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

public sealed class ModelLoaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_onnx_api_loads_its_model_through_the_default_loader()
    {
        _folder.Write("model/3/model.onnx", TestModels.Affine());

        using var model = ModelLoader.Default.Load(Config(ModelKind.Onnx, Path.Combine(_folder.Path, "model")), new ModelLoadOptions());

        Assert.Equal("serving_default", model.Signature.Key);
        Assert.Contains("(version 3)", model.Description);
        var y = (float[])model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 0, 1, 2))))["y"].Data;
        Assert.Equal([1f, 3, 5], y);
    }

    [Fact]
    public void TensorFlow_models_are_reported_as_not_supported_yet_by_the_default_loader()
    {
        var error = Assert.Throws<ModelLoadException>(() =>
            ModelLoader.Default.Load(Config(ModelKind.TensorFlow, _folder.Path), new ModelLoadOptions()));

        Assert.False(ModelLoader.Default.IsSupported(ModelKind.TensorFlow));
        Assert.True(ModelLoader.Default.IsSupported(ModelKind.Onnx));
        Assert.Contains("TensorFlow SavedModels are not supported yet", error.Message);
        Assert.Contains("cortex.yaml:7:5", error.Message);
    }

    [Fact]
    public void An_unreachable_s3_endpoint_is_reported_with_the_url_and_the_endpoint()
    {
        var closedPort = $"http://127.0.0.1:{ClosedLoopbackPort()}";
        var sources = new ModelSourceResolver(Path.Combine(_folder.Path, "cache"), new S3ConnectionSettings { Endpoint = closedPort, AccessKeyId = "key", SecretAccessKey = "secret" });
        var loader = new ModelLoader([new OnnxModelFormat()], sources);
        var config = Config(ModelKind.Onnx, "s3://models/iris") with { ResolvedPath = "s3://models/iris" };

        var error = Assert.Throws<ModelLoadException>(() => loader.Load(config, new ModelLoadOptions()));

        Assert.StartsWith("cortex.yaml:7:5: s3://models/iris: ", error.Message);
        Assert.Contains("cannot reach the server", error.Message);
        Assert.Contains(closedPort, error.Message);
    }

    [Fact]
    public void A_registered_format_serves_its_kind_with_the_configs_signature_key()
    {
        var tensorFlow = new StubFormat(ModelKind.TensorFlow);
        var loader = new ModelLoader([new OnnxModelFormat(), tensorFlow]);

        using var model = loader.Load(Config(ModelKind.TensorFlow, "/models/saved") with { SignatureKey = "predict" }, new ModelLoadOptions { Gpu = 1 });

        Assert.True(loader.IsSupported(ModelKind.TensorFlow));
        Assert.Equal("/models/saved", tensorFlow.LoadedPath);
        Assert.Equal("predict", tensorFlow.LoadedOptions!.SignatureKey);
        Assert.Equal(1, tensorFlow.LoadedOptions.Gpu);
    }

    [Fact]
    public void Registering_two_formats_for_one_kind_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ModelLoader([new OnnxModelFormat(), new StubFormat(ModelKind.Onnx)]));
    }

    [Fact]
    public void A_missing_model_path_is_reported_with_the_cortex_yaml_location()
    {
        var missing = Path.Combine(_folder.Path, "absent");

        var error = Assert.Throws<ModelLoadException>(() => ModelLoader.Default.Load(Config(ModelKind.Onnx, missing), new ModelLoadOptions()));

        Assert.StartsWith("cortex.yaml:7:5: ", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void An_onnx_model_rejects_a_signature_key_other_than_serving_default()
    {
        _folder.Write("model.onnx", TestModels.Affine());
        var config = Config(ModelKind.Onnx, Path.Combine(_folder.Path, "model.onnx")) with { SignatureKey = "predict" };

        var error = Assert.Throws<ModelLoadException>(() => ModelLoader.Default.Load(config, new ModelLoadOptions()));

        Assert.Contains("'predict'", error.Message);
        Assert.Contains("serving_default", error.Message);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static ModelConfig Config(ModelKind kind, string path) => new()
    {
        Kind = kind,
        Path = path,
        ResolvedPath = path,
        Location = new SourceLocation("cortex.yaml", 7, 5),
    };
}
