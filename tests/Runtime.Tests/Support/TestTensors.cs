using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>Short constructors for the tensors tests feed models.</summary>
public static class TestTensors
{
    public static Tensor Float32(long[] shape, params float[] values) => new(TensorDataType.Float32, shape, values);

    public static Dictionary<string, Tensor> Inputs(params (string Name, Tensor Value)[] inputs) =>
        inputs.ToDictionary(i => i.Name, i => i.Value);
}
