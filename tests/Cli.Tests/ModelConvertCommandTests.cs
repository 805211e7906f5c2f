using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Cli.Tests.Support;

namespace Cortex.Queue.Cli.Tests;

public sealed class ModelConvertCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly CliRunner _cli;

    public ModelConvertCommandTests() => _cli = new CliRunner(_folder.Combine("cache"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Convert_writes_an_onnx_file_with_the_signatures_names_and_shapes_that_computes_the_same()
    {
        var savedModel = TestPaths.InRepository("examples", "iris-classifier", "savedmodel");
        var onnx = _folder.Combine("out", "iris.onnx");
        const string Input = """{"input": [[5.1, 3.5, 1.4, 0.2], [5.9, 3.0, 4.2, 1.5]]}""";

        var converted = _cli.Run("model", "convert", savedModel, "-o", onnx);
        var fromOnnx = _cli.Run("model", "run", onnx, "--input", Input);
        var fromSavedModel = _cli.Run("model", "run", savedModel, "--input", Input);

        Assert.True(converted.ExitCode == 0, converted.ToString());
        Assert.Contains($"wrote {onnx}", converted.Output);
        Assert.Contains("signature 'serving_default'", converted.Output);
        Assert.Contains("input: float32 [?, 4]", converted.Output);
        Assert.Contains("class_index: int64 [?]", converted.Output);
        Assert.Contains("probabilities: float32 [?, 3]", converted.Output);
        Assert.True(fromOnnx.ExitCode == 0, fromOnnx.ToString());
        Assert.Equal(fromSavedModel.Output, fromOnnx.Output);
    }

    [Fact]
    public void Convert_refuses_a_model_that_is_already_onnx()
    {
        File.WriteAllBytes(_folder.Combine("affine.onnx"), TestModels.Affine());

        var result = _cli.Run("model", "convert", _folder.Combine("affine.onnx"), "-o", _folder.Combine("out.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is already an ONNX model", result.Error);
        Assert.False(File.Exists(_folder.Combine("out.onnx")));
    }

    [Fact]
    public void Convert_of_a_model_with_an_unsupported_op_names_the_op_and_writes_nothing()
    {
        TestModels.WriteUnsupported(_folder.Combine("inverse"));

        var result = _cli.Run("model", "convert", _folder.Combine("inverse"), "-o", _folder.Combine("out.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MatrixInverse", result.Error);
        Assert.False(File.Exists(_folder.Combine("out.onnx")));
    }

    [FixtureFact]
    public void Convert_refuses_a_signature_that_parses_tf_examples_with_a_clear_reason()
    {
        var halfPlusTwo = TestPaths.Fixture("models", "tfserving_half_plus_two_cpu");

        var result = _cli.Run("model", "convert", halfPlusTwo, "--signature", "classify_x_to_y", "-o", _folder.Combine("out.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("parses serialized tf.Example protos (input 'inputs')", result.Error);
        Assert.Contains("--signature", result.Error);
        Assert.False(File.Exists(_folder.Combine("out.onnx")));
    }
}
