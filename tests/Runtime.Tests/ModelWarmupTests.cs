using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

public sealed class ModelWarmupTests
{
    [Fact]
    public void Warmup_feeds_the_batch_size_on_the_first_axis_and_one_on_other_dynamic_axes()
    {
        using var inner = OnnxModel.FromBytes(TestModels.DynamicSpatialSum(), "dynamic sum");
        var recording = new RecordingModel(inner);

        ModelWarmup.Run(recording, batchSize: 4);

        var inputs = Assert.Single(recording.Calls);
        Assert.Equal([4L, 2, 1, 1], inputs["pixels"].Shape);
        Assert.Equal([4L], inputs["ids"].Shape);
        Assert.All((float[])inputs["pixels"].Data, v => Assert.Equal(0f, v));
        Assert.Equal([4L, 2], recording.LastOutputs!["totals"].Shape);
    }

    [Fact]
    public void Warmup_of_a_model_that_cannot_run_on_zeros_is_a_model_load_exception_showing_the_shapes()
    {
        // A 3x3 convolution without padding cannot run on the 1x1 image warm-up makes for dynamic height and width.
        using var model = OnnxModel.FromBytes(TestModels.UnpaddedConvolution(), "convolution");

        var error = Assert.Throws<ModelLoadException>(() => ModelWarmup.Run(model, batchSize: 2));

        Assert.Contains("image [2, 1, 1, 1]", error.Message);
        Assert.Contains("convolution", error.Message);
    }

    [Fact]
    public void Warmup_rejects_a_batch_size_below_one()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");

        Assert.Throws<ArgumentOutOfRangeException>(() => ModelWarmup.Run(model, batchSize: 0));
    }
}
