using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

public sealed class OnnxModelRunTests
{
    [Fact]
    public void A_missing_input_is_rejected_naming_what_the_model_takes()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");

        var error = Assert.Throws<ArgumentException>(() => model.Run(TestTensors.Inputs()));

        Assert.Contains("'x' is missing", error.Message);
        Assert.Contains("float32 [?, 3]", error.Message);
    }

    [Fact]
    public void An_input_the_model_does_not_take_is_rejected()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");
        var inputs = TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 1, 2, 3)), ("extra", TestTensors.Float32([1], 0)));

        var error = Assert.Throws<ArgumentException>(() => model.Run(inputs));

        Assert.Contains("unknown input 'extra'", error.Message);
    }

    [Fact]
    public void An_input_of_another_element_type_is_rejected_naming_both_types()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");
        var ints = new Tensor(TensorDataType.Int32, [1, 3], new[] { 1, 2, 3 });

        var error = Assert.Throws<ArgumentException>(() => model.Run(TestTensors.Inputs(("x", ints))));

        Assert.Contains("int32", error.Message);
        Assert.Contains("float32", error.Message);
    }

    [Fact]
    public void An_input_with_a_wrong_fixed_dimension_is_rejected_showing_both_shapes()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");

        var error = Assert.Throws<ArgumentException>(() => model.Run(TestTensors.Inputs(("x", TestTensors.Float32([2, 2], 1, 2, 3, 4)))));

        Assert.Contains("[2, 2]", error.Message);
        Assert.Contains("[?, 3]", error.Message);
    }

    [Fact]
    public void Concurrent_runs_each_get_their_own_results()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(scale: 2, offset: 1), "affine");
        var mismatches = 0;

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var y = (float[])model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], i, i + 1, i + 2)))) ["y"].Data;
            if (!y.SequenceEqual([2f * i + 1, 2f * (i + 1) + 1, 2f * (i + 2) + 1]))
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Running_a_disposed_model_throws_ObjectDisposedException()
    {
        var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Run(TestTensors.Inputs(("x", TestTensors.Float32([1, 3], 1, 2, 3)))));
    }

    [Fact]
    public void A_file_that_is_not_onnx_fails_to_load_with_a_model_load_exception_naming_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("broken.onnx", "not a model"u8.ToArray());

        var error = Assert.Throws<ModelLoadException>(() => OnnxModel.Load(path));

        Assert.Contains(path, error.Message);
    }
}
