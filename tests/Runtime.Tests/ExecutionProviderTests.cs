using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Runtime.Tests.Support;

namespace Cortex.Queue.Runtime.Tests;

public sealed class ExecutionProviderTests
{
    [Fact]
    public void Requesting_a_gpu_without_cuda_falls_back_to_cpu_with_a_warning_and_still_runs()
    {
        // The project ships ONNX Runtime's CPU package, which has no CUDA provider to append.
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine", new ModelLoadOptions { Gpu = 1 });

        Assert.Equal("CPU", model.ExecutionProvider);
        var warning = Assert.Single(model.Warnings);
        Assert.Contains("CUDA", warning);
        Assert.Contains("CPU", warning);
        Assert.Same(model.Warnings, ((IModel)model).Warnings);
        var y = (float[])model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 1, 2, 3))))["y"].Data;
        Assert.Equal([3f, 5, 7], y);
    }

    [Fact]
    public void A_cpu_model_loads_without_warnings()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine", new ModelLoadOptions { IntraOpThreads = 1 });

        Assert.Equal("CPU", model.ExecutionProvider);
        Assert.Empty(model.Warnings);
    }
}
