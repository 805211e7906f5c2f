using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>Writes a <see cref="TestGraph"/> to a temporary folder, loads it as a TensorFlow model and runs it.</summary>
public static class LoweredGraph
{
    public static IReadOnlyDictionary<string, Tensor> Run(TestGraph graph, IReadOnlyDictionary<string, Tensor> inputs)
    {
        using var folder = TemporaryCopy.Empty();
        graph.WriteTo(folder.Path);
        using var model = TensorFlowModel.Load(folder.Path);
        return model.Run(inputs);
    }

    public static Tensor RunSingle(TestGraph graph, params (string Name, Tensor Value)[] inputs) =>
        Run(graph, inputs.ToDictionary(i => i.Name, i => i.Value)).Values.Single();

    public static Tensor F32(long[] shape, params float[] values) => new(TensorDataType.Float32, shape, values);

    public static Tensor I32(long[] shape, params int[] values) => new(TensorDataType.Int32, shape, values);

    public static Tensor I64(long[] shape, params long[] values) => new(TensorDataType.Int64, shape, values);
}
