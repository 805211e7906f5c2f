using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Signatures;

namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>
/// SavedModel to ONNX in one call (<c>cortex model convert</c>): the ONNX graph's inputs and outputs are named by the
/// signature's keys. Throws <see cref="Runtime.ModelLoadException"/> like loading does.
/// </summary>
public static class SavedModelConverter
{
    public static ConvertedModel Convert(string path, string? signatureKey = null)
    {
        var bundle = SavedModelBundle.Load(path);
        var key = SignatureResolver.SelectKey(bundle.MetaGraph, signatureKey, bundle.Description);
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, key, bundle.Graph);
        var lowerer = new SavedModelLowerer();
        var graph = lowerer.Prepare(bundle, signature);
        return new ConvertedModel(lowerer.Lower(bundle, graph), signature, $"{bundle.Description} signature '{key}'", graph.ExampleSegments);
    }
}
