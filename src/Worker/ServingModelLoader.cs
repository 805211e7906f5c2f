using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.TensorFlow.Execution;

namespace Cortex.Queue.Worker;

/// <summary>Every model format a worker serves: ONNX files and TensorFlow SavedModels (lowered to ONNX, cached).</summary>
public static class ServingModelLoader
{
    public static ModelLoader Default { get; } = new([new OnnxModelFormat(), new TensorFlowModelFormat()]);
}
