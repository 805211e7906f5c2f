using System.IO.Compression;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Runtime.Sources;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

/// <summary>Local model sources: version folders and TF Serving's specific-version policy, and .zip archives.</summary>
public sealed class ModelSourceResolverTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string CacheRoot => Path.Combine(_folder.Path, "cache");

    [Fact]
    public void A_tensorflow_model_folder_serves_its_highest_version_folder()
    {
        TestSavedModels.WriteScaleAndShift(Path.Combine(_folder.Path, "model", "2"), b: 2);
        TestSavedModels.WriteScaleAndShift(Path.Combine(_folder.Path, "model", "10"), b: 10);

        using var model = Loader().Load(Config(ModelKind.TensorFlow, Path.Combine(_folder.Path, "model")), new ModelLoadOptions());

        Assert.Equal([10.5f], RunScaleAndShift(model, 1));
        Assert.Contains("(version 10)", model.Description);
    }

    [Fact]
    public void A_specific_version_list_serves_the_highest_listed_version_present()
    {
        foreach (var version in new[] { 1, 2, 3 })
        {
            _folder.Write($"model/{version}/model.onnx", TestModels.Affine(offset: version));
        }

        using var model = Loader().Load(Config(ModelKind.Onnx, Path.Combine(_folder.Path, "model")), new ModelLoadOptions { SpecificVersions = [1, 2, 7] });

        var y = (float[])model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 0, 0, 0))))["y"].Data;
        Assert.Equal([2f, 2, 2], y);
        Assert.Contains(Path.Combine("model", "2"), model.Description);
    }

    [Fact]
    public void A_specific_version_policy_applies_to_savedmodels_too()
    {
        TestSavedModels.WriteScaleAndShift(Path.Combine(_folder.Path, "model", "1"), b: 1);
        TestSavedModels.WriteScaleAndShift(Path.Combine(_folder.Path, "model", "2"), b: 2);

        using var model = Loader().Load(Config(ModelKind.TensorFlow, Path.Combine(_folder.Path, "model")), new ModelLoadOptions { SpecificVersions = [1] });

        Assert.Equal([1.5f], RunScaleAndShift(model, 1));
    }

    [Fact]
    public void No_specific_version_present_lists_the_versions_that_are()
    {
        _folder.Write("model/3/model.onnx", TestModels.Affine());
        _folder.Write("model/5/model.onnx", TestModels.Affine());
        var modelFolder = Path.Combine(_folder.Path, "model");

        var error = Assert.Throws<ModelLoadException>(() =>
            Loader().Load(Config(ModelKind.Onnx, modelFolder), new ModelLoadOptions { SpecificVersions = [4, 6] }));

        Assert.StartsWith("cortex.yaml:7:5: ", error.Message);
        Assert.Contains("none of the specific versions [4, 6] exists in " + modelFolder, error.Message);
        Assert.Contains("versions present: [3, 5]", error.Message);
    }

    [Fact]
    public void A_specific_version_policy_on_a_folder_without_version_folders_says_so()
    {
        _folder.Write("model/model.onnx", TestModels.Affine());

        var error = Assert.Throws<ModelLoadException>(() =>
            Loader().Load(Config(ModelKind.Onnx, Path.Combine(_folder.Path, "model")), new ModelLoadOptions { SpecificVersions = [1] }));

        Assert.Contains("has no numeric version folders", error.Message);
    }

    [Fact]
    public void A_zipped_savedmodel_inside_one_top_folder_loads()
    {
        TestSavedModels.WriteScaleAndShift(Path.Combine(_folder.Path, "export", "half_plus", "1"), a: 4, b: 0);
        var archive = Zip(Path.Combine(_folder.Path, "export"), "half_plus.zip");

        using var model = Loader().Load(Config(ModelKind.TensorFlow, archive), new ModelLoadOptions());

        Assert.Equal([8f], RunScaleAndShift(model, 2));
        Assert.Contains("(version 1)", model.Description);
    }

    [Fact]
    public void A_zipped_onnx_file_loads()
    {
        _folder.Write("export/model.onnx", TestModels.Affine(offset: 7));
        var archive = Zip(Path.Combine(_folder.Path, "export"), "affine.zip");

        using var model = Loader().Load(Config(ModelKind.Onnx, archive), new ModelLoadOptions());

        Assert.Equal([7f, 9, 11], (float[])model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 0, 1, 2))))["y"].Data);
    }

    [Fact]
    public void An_archive_is_unpacked_once_and_reused_while_its_content_is_unchanged()
    {
        _folder.Write("export/model.onnx", TestModels.Affine());
        var archive = Zip(Path.Combine(_folder.Path, "export"), "affine.zip");
        var resolver = new ModelSourceResolver(CacheRoot, new S3ConnectionSettings());

        var first = resolver.Resolve(archive, new ModelLoadOptions());
        var marker = Path.Combine(first.LocalPath, "unpacked-before");
        File.WriteAllText(marker, "left by the first resolution");
        var second = resolver.Resolve(archive, new ModelLoadOptions());

        Assert.Equal(ModelSourceKind.Archive, first.Kind);
        Assert.Equal(first.LocalPath, second.LocalPath);
        Assert.True(File.Exists(marker));
        Assert.StartsWith(Path.Combine(CacheRoot, "zip"), first.LocalPath);
    }

    [Fact]
    public void A_damaged_archive_is_reported_with_its_path()
    {
        var archive = _folder.Write("broken.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var error = Assert.Throws<ModelLoadException>(() => Loader().Load(Config(ModelKind.Onnx, archive), new ModelLoadOptions()));

        Assert.StartsWith("cortex.yaml:7:5: ", error.Message);
        Assert.Contains($"cannot unpack model archive {archive}: it is not a valid zip file", error.Message);
    }

    [Fact]
    public void A_local_folder_resolves_to_itself_without_touching_the_cache()
    {
        _folder.Write("model/model.onnx", TestModels.Affine());

        var source = new ModelSourceResolver(CacheRoot, new S3ConnectionSettings()).Resolve(Path.Combine(_folder.Path, "model"), new ModelLoadOptions());

        Assert.Equal(ModelSourceKind.Local, source.Kind);
        Assert.Equal(Path.Combine(_folder.Path, "model"), source.LocalPath);
        Assert.False(Directory.Exists(CacheRoot));
    }

    private ModelLoader Loader() =>
        new([new OnnxModelFormat(), new TensorFlowModelFormat(cache: null)], new ModelSourceResolver(CacheRoot, new S3ConnectionSettings()));

    private string Zip(string folder, string name)
    {
        var archive = Path.Combine(_folder.Path, name);
        ZipFile.CreateFromDirectory(folder, archive);
        return archive;
    }

    private static float[] RunScaleAndShift(IModel model, float x) =>
        (float[])model.Run(new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Float32, [1, 1], new[] { x }) })["y"].Data;

    private static ModelConfig Config(ModelKind kind, string path) => new()
    {
        Kind = kind,
        Path = path,
        ResolvedPath = path,
        Location = new SourceLocation("cortex.yaml", 7, 5),
    };
}
