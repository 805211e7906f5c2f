using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.TensorFlow.Execution;

/// <summary>Serves <c>tensorflow:</c> models: SavedModels lowered to ONNX, cached in <paramref name="cache"/> (null: no cache).</summary>
public sealed class TensorFlowModelFormat(LoweredModelCache? cache) : IModelFormat
{
    /// <summary>A format using <see cref="LoweredModelCache.Default"/>.</summary>
    public TensorFlowModelFormat()
        : this(LoweredModelCache.Default)
    {
    }

    public ModelKind Kind => ModelKind.TensorFlow;

    public IModel Load(string resolvedPath, ModelLoadOptions options) => TensorFlowModel.Load(resolvedPath, options, cache);
}
