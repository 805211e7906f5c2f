using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Runtime.Tests.Support;

namespace Cortex.Queue.Runtime.Tests;

public sealed class OnnxModelSourceTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_folder_of_version_folders_serves_the_highest_number_not_the_last_name()
    {
        _folder.Write("model/1/model.onnx", TestModels.Affine(offset: 1));
        _folder.Write("model/2/model.onnx", TestModels.Affine(offset: 2));
        var expected = _folder.Write("model/10/model.onnx", TestModels.Affine(offset: 10));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "model", "tmp"));

        var resolved = OnnxModelSource.Resolve(Path.Combine(_folder.Path, "model"));

        Assert.Equal(expected, resolved.FilePath);
        Assert.Equal(10, resolved.Version);
        Assert.Contains("(version 10)", resolved.Description);
    }

    [Fact]
    public void A_folder_holding_one_onnx_file_serves_that_file()
    {
        var expected = _folder.Write("model/classifier.onnx", TestModels.Affine());
        _folder.Write("model/README.md", [1, 2, 3]);

        var resolved = OnnxModelSource.Resolve(Path.Combine(_folder.Path, "model"));

        Assert.Equal(expected, resolved.FilePath);
        Assert.Null(resolved.Version);
    }

    [Fact]
    public void A_folder_with_two_onnx_files_is_an_error_naming_both()
    {
        _folder.Write("model/first.onnx", TestModels.Affine());
        _folder.Write("model/second.onnx", TestModels.Affine());

        var error = Assert.Throws<ModelLoadException>(() => OnnxModelSource.Resolve(Path.Combine(_folder.Path, "model")));

        Assert.Contains("first.onnx", error.Message);
        Assert.Contains("second.onnx", error.Message);
        Assert.Contains(Path.Combine(_folder.Path, "model"), error.Message);
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_the_path_and_what_was_expected()
    {
        var missing = Path.Combine(_folder.Path, "no-such-model");

        var error = Assert.Throws<ModelLoadException>(() => OnnxModelSource.Resolve(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains(".onnx file", error.Message);
    }

    [Fact]
    public void A_folder_with_neither_onnx_files_nor_version_folders_is_an_error()
    {
        _folder.Write("model/weights.bin", [0]);

        var error = Assert.Throws<ModelLoadException>(() => OnnxModelSource.Resolve(Path.Combine(_folder.Path, "model")));

        Assert.Contains("no .onnx file and no numeric version folders", error.Message);
    }

    [Fact]
    public void The_highest_version_folder_without_an_onnx_file_is_an_error_naming_it()
    {
        _folder.Write("model/1/model.onnx", TestModels.Affine());
        Directory.CreateDirectory(Path.Combine(_folder.Path, "model", "2"));

        var error = Assert.Throws<ModelLoadException>(() => OnnxModelSource.Resolve(Path.Combine(_folder.Path, "model")));

        Assert.Contains(Path.Combine(_folder.Path, "model", "2"), error.Message);
    }
}
