using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Lowering;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Execution;

/// <summary>
/// A TensorFlow SavedModel signature, lowered to ONNX and run on ONNX Runtime. The signature Cortex reports is the
/// SavedModel's own (keys, dtypes, shapes); inputs a request leaves out take the SignatureDef's default values
/// where it has them.
/// </summary>
public sealed class TensorFlowModel : IModel
{
    private readonly OnnxModel _onnx;
    private readonly IReadOnlyDictionary<string, Tensor> _defaults;

    private TensorFlowModel(OnnxModel onnx, ResolvedSignature signature, string description, bool fromCache)
    {
        _onnx = onnx;
        TensorFlowSignature = signature;
        Signature = signature.ToModelSignature();
        Description = description;
        LoadedFromCache = fromCache;
        _defaults = signature.Defaults.ToDictionary(p => p.Key, p => TensorProtoDecoder.Decode(p.Value), StringComparer.Ordinal);
    }

    public ModelSignature Signature { get; }

    public string Description { get; }

    /// <summary>The SignatureDef as read (graph tensor names, TF dtypes, unknown ranks).</summary>
    public ResolvedSignature TensorFlowSignature { get; }

    /// <summary>Values used for inputs a request does not send (SignatureDef defaults).</summary>
    public IReadOnlyDictionary<string, Tensor> Defaults => _defaults;

    /// <summary>"CUDA" or "CPU": where ONNX Runtime actually runs the lowered model.</summary>
    public string ExecutionProvider => _onnx.ExecutionProvider;

    public IReadOnlyList<string> Warnings => _onnx.Warnings;

    /// <summary>True when the lowered ONNX came from <see cref="LoweredModelCache"/> instead of being lowered now.</summary>
    public bool LoadedFromCache { get; }

    /// <summary>
    /// Loads the SavedModel at <paramref name="path"/> (a SavedModel folder or a folder of numeric version folders),
    /// selects the signature by Cortex's rules, and lowers it (or reuses the cached lowering). Throws
    /// <see cref="ModelLoadException"/> with every unsupported op named.
    /// </summary>
    public static TensorFlowModel Load(string path, ModelLoadOptions? options = null, LoweredModelCache? cache = null)
    {
        options ??= new ModelLoadOptions();
        var bundle = SavedModelBundle.Load(path);
        var key = SignatureResolver.SelectKey(bundle.MetaGraph, options.SignatureKey, bundle.Description);
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, key, bundle.Graph);
        var description = $"{bundle.Description} signature '{key}'";

        var cacheKey = cache is null ? null : LoweredModelCache.KeyFor(bundle.Location, key);
        var fromCache = false;
        byte[] onnxModel;
        if (cache is not null && cache.TryLoad(cacheKey!, out var cached))
        {
            onnxModel = cached;
            fromCache = true;
        }
        else
        {
            onnxModel = new SavedModelLowerer().Lower(bundle, signature);
            cache?.Store(cacheKey!, onnxModel);
        }
        return new TensorFlowModel(OnnxModel.FromBytes(onnxModel, description, options), signature, description, fromCache);
    }

    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (_defaults.Count == 0 || _defaults.Keys.All(inputs.ContainsKey))
        {
            return _onnx.Run(inputs);
        }
        var completed = new Dictionary<string, Tensor>(inputs, StringComparer.Ordinal);
        foreach (var (name, value) in _defaults)
        {
            completed.TryAdd(name, value);
        }
        return _onnx.Run(completed);
    }

    public void Dispose() => _onnx.Dispose();
}
