using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Cli.Tests.Support;

namespace Cortex.Queue.Cli.Tests;

public sealed class ModelShowCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly CliRunner _cli;

    public ModelShowCommandTests() => _cli = new CliRunner(_folder.Combine("cache"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Show_prints_a_savedmodels_tags_signature_tensors_and_supported_ops()
    {
        var result = _cli.Run("model", "show", TestPaths.InRepository("examples", "iris-classifier", "savedmodel"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(version 1)", result.Output);
        Assert.Contains("served tags: [serve]", result.Output);
        Assert.Contains("served signature: 'serving_default'", result.Output);
        Assert.Contains("input: float32 [-1,4]  (DT_FLOAT, tensor input:0)", result.Output);
        Assert.Contains("class_index: int64 [-1]  (DT_INT64, tensor class_index:0)", result.Output);
        Assert.Contains("probabilities: float32 [-1,3]", result.Output);
        Assert.Contains("all supported", result.Output);
        Assert.Contains("MatMul", result.Output);
        Assert.Contains("Softmax", result.Output);
    }

    [Fact]
    public void Show_names_the_ops_cortex_cannot_run_and_their_nodes()
    {
        TestModels.WriteUnsupported(_folder.Combine("inverse"));

        var result = _cli.Run("model", "show", _folder.Combine("inverse"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 unsupported", result.Output);
        Assert.Matches(@"MatrixInverse\s+x1\s+UNSUPPORTED: inverse", result.Output);
        Assert.Contains("NOT SERVABLE", result.Output);
    }

    [Fact]
    public void Show_prints_an_onnx_models_signature()
    {
        File.WriteAllBytes(_folder.Combine("affine.onnx"), TestModels.Affine());

        var result = _cli.Run("model", "show", _folder.Combine("affine.onnx"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("ONNX model " + _folder.Combine("affine.onnx"), result.Output);
        Assert.Contains("signature 'serving_default'", result.Output);
        Assert.Contains("x: float32 [?, 3]", result.Output);
        Assert.Contains("y: float32 [?, 3]", result.Output);
    }

    [Fact]
    public void Show_unpacks_a_zipped_savedmodel()
    {
        Cortex.Queue.Runtime.Tests.Support.TestSavedModels.WriteScaleAndShift(_folder.Combine("export", "half_plus_two", "4"));
        System.IO.Compression.ZipFile.CreateFromDirectory(_folder.Combine("export"), _folder.Combine("model.zip"));

        var result = _cli.Run("model", "show", _folder.Combine("model.zip"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("(version 4)", result.Output);
        Assert.Contains("x: float32 [-1,1]", result.Output);
        Assert.Contains("using the cached copy in " + _folder.Combine("cache", "models", "zip"), result.Error);
    }

    [Fact]
    public void Show_of_a_missing_path_fails_with_the_path()
    {
        var missing = _folder.Combine("absent");

        var result = _cli.Run("model", "show", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{missing} does not exist", result.Error);
        Assert.Empty(result.Output);
    }
}
