using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.HostSegments;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Lowering;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Execution;

/// <summary>
/// A TensorFlow SavedModel signature, lowered to ONNX and run on ONNX Runtime, with tf.Example parsing (which ONNX
/// cannot express) run in managed code first. The signature Cortex reports is the SavedModel's own (keys, dtypes,
/// shapes); inputs a request leaves out take the SignatureDef's default values where it has them.
/// </summary>
public sealed class TensorFlowModel : IModel
{
    private readonly OnnxModel _onnx;
    private readonly IReadOnlyDictionary<string, Tensor> _defaults;
    private readonly IReadOnlyList<ExampleParseSegment> _segments;
    private readonly string[] _onnxInputs;

    private TensorFlowModel(OnnxModel onnx, ResolvedSignature signature, IReadOnlyList<ExampleParseSegment> segments, string description, bool fromCache)
    {
        _onnx = onnx;
        _segments = segments;
        _onnxInputs = onnx.Signature.Inputs.Select(i => i.Name).ToArray();
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

    /// <summary>tf.Example parsing run in managed code before ONNX Runtime (empty for purely numeric signatures).</summary>
    public IReadOnlyList<ExampleParseSegment> HostSegments => _segments;

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
        var lowerer = new SavedModelLowerer();
        // Preparing reads no variable values and is quick; it also yields the host segments a cached model needs.
        var graph = lowerer.Prepare(bundle, signature);

        var cacheKey = cache is null ? null : LoweredModelCache.KeyFor(bundle.Location, key);
        if (cache is not null && cache.TryLoad(cacheKey!, out var cached))
        {
            try
            {
                return new TensorFlowModel(OnnxModel.FromBytes(cached, description, options), signature, graph.ExampleSegments, description, fromCache: true);
            }
            catch (ModelLoadException)
            {
                // A damaged cache file is rebuilt below rather than failing the load.
            }
        }
        var onnxModel = lowerer.Lower(bundle, graph);
        cache?.Store(cacheKey!, onnxModel);
        return new TensorFlowModel(OnnxModel.FromBytes(onnxModel, description, options), signature, graph.ExampleSegments, description, fromCache: false);
    }

    /// <summary>
    /// Runs one batch: every signature input (or its default) must be present, with the signature's dtype. Throws
    /// <see cref="ArgumentException"/> for inputs that do not fit and <see cref="InvalidOperationException"/> when
    /// ONNX Runtime fails.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var complete = Complete(inputs);
        if (_segments.Count == 0 && _onnxInputs.Length == complete.Count)
        {
            return _onnx.Run(complete);
        }
        var onnxInputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var segment in _segments)
        {
            foreach (var (name, value) in segment.Run(complete[segment.InputKey]))
            {
                onnxInputs[name] = value;
            }
        }
        foreach (var name in _onnxInputs.Where(complete.ContainsKey))
        {
            onnxInputs[name] = complete[name];
        }
        return _onnx.Run(onnxInputs);
    }

    public void Dispose() => _onnx.Dispose();

    private IReadOnlyDictionary<string, Tensor> Complete(IReadOnlyDictionary<string, Tensor> inputs)
    {
        foreach (var name in inputs.Keys)
        {
            if (Signature.FindInput(name) is null)
            {
                throw new ArgumentException($"unknown input '{name}'; signature '{Signature.Key}' takes {Listed()}", nameof(inputs));
            }
        }
        var complete = new Dictionary<string, Tensor>(inputs, StringComparer.Ordinal);
        foreach (var spec in Signature.Inputs)
        {
            if (complete.TryGetValue(spec.Name, out var given))
            {
                if (given.DataType != spec.DataType)
                {
                    throw new ArgumentException($"input '{spec.Name}' is {given.DataType.ToWireName()} but signature '{Signature.Key}' takes {spec.DataType.ToWireName()}", nameof(inputs));
                }
            }
            else if (_defaults.TryGetValue(spec.Name, out var fallback))
            {
                complete[spec.Name] = fallback;
            }
            else
            {
                throw new ArgumentException($"input '{spec.Name}' is missing; signature '{Signature.Key}' takes {Listed()}", nameof(inputs));
            }
        }
        return complete;
    }

    private string Listed() => string.Join(", ", Signature.Inputs.Select(i => $"'{i.Name}' {i.DataType.ToWireName()} {i.ShapeText}"));
}
