using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Execution;

namespace Cortex.Queue.Runtime.Loading;

/// <summary>Serves <c>onnx:</c> models: resolves the path with <see cref="OnnxModelSource"/> and opens an <see cref="OnnxModel"/>.</summary>
public sealed class OnnxModelFormat : IModelFormat
{
    public ModelKind Kind => ModelKind.Onnx;

    public IModel Load(string resolvedPath, ModelLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SignatureKey is { } key && key != OnnxModel.SignatureKey)
        {
            throw new ModelLoadException(
                $"signature_key '{key}' does not exist: an ONNX model has one signature, '{OnnxModel.SignatureKey}'");
        }
        var file = OnnxModelSource.Resolve(resolvedPath);
        return OnnxModel.Load(file.FilePath, options, file.Description);
    }
}
