using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Runtime.Sources;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.S3;

/// <summary>Models loaded from s3:// URLs served by a real S3-compatible server (s3rver) on loopback.</summary>
public sealed class S3ModelSourceTests(S3rverFixture s3) : IClassFixture<S3rverFixture>, IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _bucket = "models-" + Guid.NewGuid().ToString("N")[..12];

    private string CacheRoot => Path.Combine(_folder.Path, "cache");

    public void Dispose() => _folder.Dispose();

    [S3Fact]
    public async Task An_onnx_model_in_version_folders_loads_the_highest_version_and_downloads_only_that_one()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "affine/1/model.onnx", TestModels.Affine(offset: 1));
        await s3.Server.PutAsync(_bucket, "affine/2/model.onnx", TestModels.Affine(offset: 100));
        var progress = new RecordingProgress();

        using var model = Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions { DownloadProgress = progress });

        Assert.Equal([100f, 102, 104], Run(model));
        Assert.Contains("(version 2)", model.Description);
        var last = progress.Reports[^1];
        Assert.Equal(1, last.ObjectsTotal);
        Assert.Equal(1, last.ObjectsDone);
        Assert.Equal(last.BytesTotal, last.BytesDone);
        Assert.Equal(TestModels.Affine(offset: 100).Length, last.BytesTotal);
    }

    [S3Fact]
    public async Task A_tensorflow_savedmodel_under_a_prefix_loads_with_its_variables_restored()
    {
        var saved = Path.Combine(_folder.Path, "saved");
        TestSavedModels.WriteScaleAndShift(saved, a: 3, b: -1);
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutFolderAsync(_bucket, "team/half-plus/7", saved);

        using var model = Loader().Load(Config(ModelKind.TensorFlow, $"s3://{_bucket}/team/half-plus"), new ModelLoadOptions());
        var y = (float[])model.Run(new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Float32, [2, 1], new[] { 1f, 2f }) })["y"].Data;

        Assert.Equal([2f, 5f], y);
        Assert.Contains("(version 7)", model.Description);
    }

    [S3Fact]
    public async Task A_second_load_of_an_unchanged_model_uses_the_cache_without_downloading()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "affine/model.onnx", TestModels.Affine());
        var loader = Loader();
        var first = new RecordingProgress();
        var second = new RecordingProgress();

        using (loader.Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions { DownloadProgress = first }))
        {
        }
        using var again = loader.Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions { DownloadProgress = second });

        Assert.NotEmpty(first.Reports);
        Assert.Empty(second.Reports);
        Assert.Equal([1f, 3, 5], Run(again));
    }

    [S3Fact]
    public async Task A_changed_object_is_downloaded_again_into_a_new_cache_folder()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "affine/model.onnx", TestModels.Affine(offset: 1));
        var resolver = new ModelSourceResolver(CacheRoot, s3.Server.Settings);
        var before = await resolver.ResolveAsync($"s3://{_bucket}/affine", new ModelLoadOptions(), CancellationToken.None);

        await s3.Server.PutAsync(_bucket, "affine/model.onnx", TestModels.Affine(offset: 50));
        var after = await resolver.ResolveAsync($"s3://{_bucket}/affine", new ModelLoadOptions(), CancellationToken.None);

        Assert.True(before.Downloaded);
        Assert.True(after.Downloaded);
        Assert.NotEqual(before.LocalPath, after.LocalPath);
        using var model = Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions());
        Assert.Equal([50f, 52, 54], Run(model));
    }

    [S3Fact]
    public async Task A_specific_version_policy_downloads_and_serves_the_highest_listed_version_present()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        foreach (var version in new[] { 1, 2, 3 })
        {
            await s3.Server.PutAsync(_bucket, $"affine/{version}/model.onnx", TestModels.Affine(offset: version));
        }
        var progress = new RecordingProgress();

        using var model = Loader().Load(
            Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions { SpecificVersions = [2, 5], DownloadProgress = progress });

        Assert.Equal([2f, 4, 6], Run(model));
        Assert.Equal(1, progress.Reports[^1].ObjectsTotal);
    }

    [S3Fact]
    public async Task A_specific_version_absent_from_the_bucket_lists_the_versions_present()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "affine/1/model.onnx", TestModels.Affine());
        await s3.Server.PutAsync(_bucket, "affine/4/model.onnx", TestModels.Affine());

        var error = Assert.Throws<ModelLoadException>(() =>
            Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions { SpecificVersions = [2, 3] }));

        Assert.Contains($"s3://{_bucket}/affine", error.Message);
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("versions present: [1, 4]", error.Message);
    }

    [S3Fact]
    public async Task A_single_object_url_naming_an_onnx_file_loads_it()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "files/affine.onnx", TestModels.Affine(scale: 10, offset: 0));

        using var model = Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/files/affine.onnx"), new ModelLoadOptions());

        Assert.Equal([0f, 10, 20], Run(model));
    }

    [S3Fact]
    public async Task A_zipped_savedmodel_on_s3_is_downloaded_and_unpacked()
    {
        var saved = Path.Combine(_folder.Path, "export", "half_plus");
        TestSavedModels.WriteScaleAndShift(saved, a: 2, b: 1);
        var archive = Path.Combine(_folder.Path, "half_plus.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(Path.GetDirectoryName(saved)!, archive);
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "archives/half_plus.zip", await File.ReadAllBytesAsync(archive));

        using var model = Loader().Load(Config(ModelKind.TensorFlow, $"s3://{_bucket}/archives/half_plus.zip"), new ModelLoadOptions());
        var y = (float[])model.Run(new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Float32, [1, 1], new[] { 4f }) })["y"].Data;

        Assert.Equal([9f], y);
    }

    [S3Fact]
    public async Task A_missing_prefix_is_reported_with_the_url_and_the_cortex_yaml_location()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "other/model.onnx", TestModels.Affine());

        var error = Assert.Throws<ModelLoadException>(() => Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/absent"), new ModelLoadOptions()));

        Assert.StartsWith("cortex.yaml:7:5: ", error.Message);
        Assert.Contains($"s3://{_bucket}/absent", error.Message);
        Assert.Contains("no objects under 'absent/'", error.Message);
        Assert.Contains(s3.Server.Endpoint, error.Message);
    }

    [S3Fact]
    public void A_missing_bucket_is_reported_by_name()
    {
        var error = Assert.Throws<ModelLoadException>(() => Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions()));

        Assert.Contains($"bucket '{_bucket}' does not exist", error.Message);
    }

    [S3Fact]
    public async Task A_truncated_model_file_is_reported_with_its_url_and_object_key()
    {
        var whole = TestModels.Affine();
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "broken/1/model.onnx", whole[..(whole.Length / 2)]);

        var error = Assert.Throws<ModelLoadException>(() => Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/broken"), new ModelLoadOptions()));

        Assert.Contains($"s3://{_bucket}/broken", error.Message);
        Assert.Contains("object 'broken/1/model.onnx'", error.Message);
        Assert.Contains("could not load ONNX model", error.Message);
    }

    [S3Fact]
    public async Task An_object_damaged_on_the_server_fails_its_checksum_and_is_not_cached()
    {
        await s3.Server.CreateBucketAsync(_bucket);
        await s3.Server.PutAsync(_bucket, "affine/model.onnx", TestModels.Affine());
        var stored = s3.Server.ObjectFile(_bucket, "affine/model.onnx");
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(stored, bytes);

        var error = Assert.Throws<ModelLoadException>(() => Loader().Load(Config(ModelKind.Onnx, $"s3://{_bucket}/affine"), new ModelLoadOptions()));

        Assert.Contains($"s3://{_bucket}/affine", error.Message);
        Assert.True(error.Message.Contains("object 'affine/model.onnx' is corrupt", StringComparison.Ordinal), error.Message);
        Assert.Empty(Directory.EnumerateFiles(CacheRoot, "*", SearchOption.AllDirectories));
    }

    private ModelLoader Loader() =>
        new([new OnnxModelFormat(), new TensorFlowModelFormat(cache: null)], new ModelSourceResolver(CacheRoot, s3.Server.Settings));

    private static float[] Run(IModel model) =>
        (float[])model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 0, 1, 2))))["y"].Data;

    private static ModelConfig Config(ModelKind kind, string url) => new()
    {
        Kind = kind,
        Path = url,
        ResolvedPath = url,
        Location = new SourceLocation("cortex.yaml", 7, 5),
    };
}
