using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Cli.Tests.Support;

namespace Cortex.Queue.Cli.Tests;

public sealed class ModelRunCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly CliRunner _cli;

    public ModelRunCommandTests() => _cli = new CliRunner(_folder.Combine("cache"));

    public void Dispose() => _folder.Dispose();

    private static string IrisSavedModel => TestPaths.InRepository("examples", "iris-classifier", "savedmodel");

    [Fact]
    public void Run_prints_every_output_as_nested_lists_with_the_batch_axis()
    {
        Cortex.Queue.Runtime.Tests.Support.TestSavedModels.WriteScaleAndShift(_folder.Combine("model"), a: 0.5f, b: 2f);

        var result = _cli.Run("model", "run", _folder.Combine("model"), "--input", """{"x": [[1], [2], [5]]}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"y":[[2.5],[3],[4.5]]}""", result.Output.Trim());
    }

    [Fact]
    public void Run_classifies_the_iris_setosa_sample_as_class_0_through_the_savedmodel()
    {
        var result = _cli.Run("model", "run", IrisSavedModel, "--input", """{"input": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("""{"class_index":[0,2],"probabilities":[[0.99""", result.Output);
    }

    [Fact]
    public void Run_reads_the_input_from_a_file_named_after_an_at_sign()
    {
        Cortex.Queue.Runtime.Tests.Support.TestSavedModels.WriteScaleAndShift(_folder.Combine("model"), a: 2f, b: 0f);
        File.WriteAllText(_folder.Combine("input.json"), """{"x": [[3]]}""");

        var result = _cli.Run("model", "run", _folder.Combine("model"), "--input", "@" + _folder.Combine("input.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"y":[[6]]}""", result.Output.Trim());
    }

    [Fact]
    public void Run_selects_the_signature_named_by_the_signature_option()
    {
        TestModels.WriteTwoSignatures(_folder.Combine("model"));

        var doubled = _cli.Run("model", "run", _folder.Combine("model"), "--signature", "double", "--input", """{"x": [1, -4]}""");
        var negated = _cli.Run("model", "run", _folder.Combine("model"), "--signature", "negate", "--input", """{"x": [1, -4]}""");

        Assert.Equal("""{"y":[2,-8]}""", doubled.Output.Trim());
        Assert.Equal("""{"y":[-1,4]}""", negated.Output.Trim());
    }

    [Fact]
    public void Run_without_a_signature_on_a_model_with_several_lists_them()
    {
        TestModels.WriteTwoSignatures(_folder.Combine("model"));

        var result = _cli.Run("model", "run", _folder.Combine("model"), "--input", """{"x": [1]}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'double', 'negate'", result.Error);
        Assert.Contains("--signature", result.Error);
    }

    [Fact]
    public void Run_serves_the_highest_of_the_versions_given()
    {
        Cortex.Queue.Runtime.Tests.Support.TestSavedModels.WriteScaleAndShift(_folder.Combine("model", "1"), a: 1, b: 1);
        Cortex.Queue.Runtime.Tests.Support.TestSavedModels.WriteScaleAndShift(_folder.Combine("model", "2"), a: 1, b: 2);
        Cortex.Queue.Runtime.Tests.Support.TestSavedModels.WriteScaleAndShift(_folder.Combine("model", "3"), a: 1, b: 3);

        var latest = _cli.Run("model", "run", _folder.Combine("model"), "--input", """{"x": [[0]]}""");
        var pinned = _cli.Run("model", "run", _folder.Combine("model"), "--version", "1", "--version", "2", "--input", """{"x": [[0]]}""");
        var absent = _cli.Run("model", "run", _folder.Combine("model"), "--version", "9", "--input", """{"x": [[0]]}""");

        Assert.Equal("""{"y":[[3]]}""", latest.Output.Trim());
        Assert.Equal("""{"y":[[2]]}""", pinned.Output.Trim());
        Assert.Equal(1, absent.ExitCode);
        Assert.Contains("versions present: [1, 2, 3]", absent.Error);
    }

    [Fact]
    public void Run_runs_an_onnx_model_too()
    {
        File.WriteAllBytes(_folder.Combine("affine.onnx"), TestModels.Affine());

        var result = _cli.Run("model", "run", _folder.Combine("affine.onnx"), "--input", """{"x": [[0, 1, 2]]}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"y":[[1,3,5]]}""", result.Output.Trim());
    }

    [Fact]
    public void An_unknown_input_name_fails_listing_the_inputs_the_model_takes()
    {
        var result = _cli.Run("model", "run", IrisSavedModel, "--input", """{"features": [[1, 2, 3, 4]]}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown input 'features'; the model takes 'input' float32 [?, 4]", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_missing_input_fails_naming_it()
    {
        var result = _cli.Run("model", "run", IrisSavedModel, "--input", "{}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing input 'input'", result.Error);
    }

    [Fact]
    public void Malformed_json_fails_saying_so()
    {
        var result = _cli.Run("model", "run", IrisSavedModel, "--input", """{"input": [[1, 2""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--input is not valid JSON", result.Error);
    }

    [Fact]
    public void A_tensor_of_the_wrong_shape_fails_naming_the_input_and_the_expected_shape()
    {
        var result = _cli.Run("model", "run", IrisSavedModel, "--input", """{"input": [[1, 2, 3]]}""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input 'input': expected float32 of shape [?, 4]", result.Error);
    }

    [Fact]
    public void A_missing_input_file_fails_naming_the_file()
    {
        var result = _cli.Run("model", "run", IrisSavedModel, "--input", "@" + _folder.Combine("nothing.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read --input file " + _folder.Combine("nothing.json"), result.Error);
    }
}
