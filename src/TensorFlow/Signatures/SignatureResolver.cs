using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;

namespace Cortex.Queue.TensorFlow.Signatures;

/// <summary>
/// Cortex's signature selection: the configured <c>signature_key</c> if set (an error listing the keys if absent);
/// else the only signature; else "predict"; else an error listing the keys. TF2's "__saved_model_init_op" entry is an
/// initializer, not a signature a client can call, so it is never counted or offered.
/// </summary>
public static class SignatureResolver
{
    public const string InitOpKey = "__saved_model_init_op";
    public const string PredictKey = "predict";

    /// <summary>Keys of the signatures a client can call, sorted.</summary>
    public static IReadOnlyList<string> ServingKeys(MetaGraphDef metaGraph) =>
        metaGraph.SignatureDef.Keys.Where(k => k != InitOpKey).Order(StringComparer.Ordinal).ToList();

    public static string SelectKey(MetaGraphDef metaGraph, string? requestedKey, string description)
    {
        var keys = ServingKeys(metaGraph);
        if (requestedKey is not null)
        {
            return keys.Contains(requestedKey)
                ? requestedKey
                : throw new ModelLoadException($"signature_key '{requestedKey}' is not a signature of {description}; available: {Listed(keys)}");
        }
        return keys.Count switch
        {
            0 => throw new ModelLoadException($"{description} has no signatures to serve"),
            1 => keys[0],
            _ when keys.Contains(PredictKey) => PredictKey,
            _ => throw new ModelLoadException(
                $"{description} has {keys.Count} signatures and none is '{PredictKey}'; set signature_key to one of: {Listed(keys)}"),
        };
    }

    /// <summary>
    /// Reads signature <paramref name="key"/>. With <paramref name="graph"/>, an input's dtype is taken from the
    /// placeholder it feeds when the two disagree (old exporters wrote wrong dtypes into SignatureDefs).
    /// </summary>
    public static ResolvedSignature Resolve(MetaGraphDef metaGraph, string key, FlatGraph? graph)
    {
        if (!metaGraph.SignatureDef.TryGetValue(key, out var signature))
        {
            throw new ModelLoadException($"no signature '{key}'; available: {Listed(ServingKeys(metaGraph))}");
        }
        var inputs = signature.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Read(key, p.Key, p.Value, isInput: true, graph)).ToList();
        var outputs = signature.Outputs.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Read(key, p.Key, p.Value, isInput: false, graph)).ToList();
        var defaults = signature.Defaults.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new ResolvedSignature(key, signature.MethodName, inputs, outputs, defaults);
    }

    private static SignatureTensor Read(string signatureKey, string tensorKey, TensorInfo info, bool isInput, FlatGraph? graph)
    {
        if (info.EncodingCase != TensorInfo.EncodingOneofCase.Name)
        {
            throw new ModelLoadException(
                $"signature '{signatureKey}' {(isInput ? "input" : "output")} '{tensorKey}' is a sparse or composite tensor, which is not supported");
        }
        var dataType = info.Dtype.WithoutReference();
        if (isInput && graph is not null && PlaceholderType(graph, info.Name) is { } graphType && graphType != dataType)
        {
            dataType = graphType;
        }
        if (!TensorFlowDataTypes.TryToTensorDataType(dataType, out _))
        {
            throw new ModelLoadException(
                $"signature '{signatureKey}' {(isInput ? "input" : "output")} '{tensorKey}' has dtype {TensorFlowDataTypes.Name(info.Dtype)}, which Cortex cannot serve");
        }
        var dimensions = TensorShapes.IsUnknownRank(info.TensorShape) ? null : TensorShapes.ToDimensions(info.TensorShape);
        return new SignatureTensor(tensorKey, info.Name, dataType, dimensions);
    }

    private static DataType? PlaceholderType(FlatGraph graph, string tensorName)
    {
        var name = TensorName.Parse(tensorName);
        var node = graph.Find(graph.Resolve(name).Node);
        return node is { Op: "Placeholder" or "PlaceholderWithDefault" } && node.Attribute("dtype") is { } dtype
            ? dtype.Type.WithoutReference()
            : null;
    }

    private static string Listed(IReadOnlyList<string> keys) => keys.Count == 0 ? "(none)" : string.Join(", ", keys.Select(k => $"'{k}'"));
}
