using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

public sealed class LoweredModelCacheTests
{
    [FixtureFact]
    public void A_second_load_reuses_the_lowered_model_and_gives_the_same_results()
    {
        using var folder = TemporaryCopy.Empty();
        var cache = new LoweredModelCache(folder.Path);
        var input = new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Float32, [3], new[] { 1f, 2f, 3f }) };

        using var first = TensorFlowModel.Load(FixturePaths.Model("tfjs_times_three_float"), cache: cache);
        using var second = TensorFlowModel.Load(FixturePaths.Model("tfjs_times_three_float"), cache: cache);

        Assert.False(first.LoadedFromCache);
        Assert.True(second.LoadedFromCache);
        Assert.Single(Directory.GetFiles(folder.Path, "*.onnx"));
        Assert.Equal((float[])first.Run(input)["output_0"].Data, (float[])second.Run(input)["output_0"].Data);
    }

    [FixtureFact]
    public void Each_signature_and_each_model_content_has_its_own_key()
    {
        var model = SavedModelLocator.Resolve(FixturePaths.Model("tfjs_module_with_multiple_signatures"));
        var other = SavedModelLocator.Resolve(FixturePaths.Model("tfjs_times_three_float"));
        var servingDefault = LoweredModelCache.KeyFor(model, "serving_default");
        Assert.Equal(servingDefault, LoweredModelCache.KeyFor(model, "serving_default"));
        Assert.NotEqual(servingDefault, LoweredModelCache.KeyFor(model, "timestwo"));
        Assert.NotEqual(servingDefault, LoweredModelCache.KeyFor(other, "serving_default"));
    }

    [FixtureFact]
    public void Changed_variables_change_the_key()
    {
        using var copy = TemporaryCopy.Of(FixturePaths.Model("tfjs_times_three_float"));
        var before = LoweredModelCache.KeyFor(SavedModelLocator.Resolve(copy.Path), "serving_default");
        var data = Path.Combine(copy.Path, "variables", "variables.data-00000-of-00001");
        var bytes = File.ReadAllBytes(data);
        bytes[0] ^= 1;
        File.WriteAllBytes(data, bytes);
        Assert.NotEqual(before, LoweredModelCache.KeyFor(SavedModelLocator.Resolve(copy.Path), "serving_default"));
    }

    [FixtureFact]
    public void A_damaged_cache_file_is_lowered_again_instead_of_failing_the_load()
    {
        using var folder = TemporaryCopy.Empty();
        var cache = new LoweredModelCache(folder.Path);
        var key = LoweredModelCache.KeyFor(SavedModelLocator.Resolve(FixturePaths.Model("tfjs_times_two_int")), "serving_default");
        cache.Store(key, [1, 2, 3, 4]);

        using var model = TensorFlowModel.Load(FixturePaths.Model("tfjs_times_two_int"), new ModelLoadOptions(), cache);

        Assert.False(model.LoadedFromCache);
        Assert.True(new FileInfo(cache.PathFor(key)).Length > 4);
    }

    [FixtureFact]
    public void An_unwritable_cache_folder_does_not_stop_the_model_from_loading()
    {
        using var folder = TemporaryCopy.Empty();
        var blocker = Path.Combine(folder.Path, "not-a-folder");
        File.WriteAllText(blocker, "a file where the cache folder should be");

        using var model = TensorFlowModel.Load(FixturePaths.Model("tfjs_times_two_int"), cache: new LoweredModelCache(blocker));

        Assert.False(model.LoadedFromCache);
        Assert.Equal(new[] { 2, 4 }, (int[])model.Run(new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Int32, [2], new[] { 1, 2 }) })["output_0"].Data);
    }
}
