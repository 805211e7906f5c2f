using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Lowering;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Inspection;

/// <summary>
/// Describes a SavedModel without running or lowering it (variables are not read): the data behind
/// <c>cortex model show</c>, TensorFlow's <c>saved_model_cli show</c> plus Cortex's view of which ops it can run.
/// </summary>
public sealed class SavedModelInspector(SavedModelLowerer lowerer)
{
    public SavedModelInspector()
        : this(new SavedModelLowerer())
    {
    }

    /// <summary>Inspects the SavedModel at <paramref name="path"/>; throws <see cref="ModelLoadException"/> when it cannot be read at all.</summary>
    public SavedModelReport Inspect(string path)
    {
        var bundle = SavedModelBundle.Load(path);
        string? defaultKey = null;
        string? defaultError = null;
        try
        {
            defaultKey = SignatureResolver.SelectKey(bundle.MetaGraph, null, bundle.Description);
        }
        catch (ModelLoadException ex)
        {
            defaultError = ex.Message;
        }
        var signatures = SignatureResolver.ServingKeys(bundle.MetaGraph).Select(key => InspectSignature(bundle, key)).ToList();
        return new SavedModelReport(
            bundle.Location.Directory,
            bundle.Location.Version,
            bundle.TensorFlowVersion,
            bundle.SavedModel.MetaGraphs.Select(m => (IReadOnlyList<string>)(m.MetaInfoDef?.Tags.ToList() ?? [])).ToList(),
            bundle.MetaGraph.MetaInfoDef?.Tags.ToList() ?? [],
            bundle.Variables.CheckpointKeys.Count,
            signatures,
            defaultKey,
            defaultError);
    }

    private SignatureReport InspectSignature(SavedModelBundle bundle, string key)
    {
        ResolvedSignature signature;
        try
        {
            signature = SignatureResolver.Resolve(bundle.MetaGraph, key, bundle.Graph);
        }
        catch (ModelLoadException ex)
        {
            var raw = bundle.MetaGraph.SignatureDef[key];
            return new SignatureReport(key, raw.MethodName, [], [], [], [], ex.Message);
        }
        var inputs = signature.Inputs.Select(Describe).ToList();
        var outputs = signature.Outputs.Select(Describe).ToList();
        try
        {
            var graph = lowerer.Prepare(bundle, signature);
            var fed = graph.Inputs.Select(i => i.Node).Concat(graph.HostInputs.Select(h => h.OnnxInput)).ToHashSet(StringComparer.Ordinal);
            var ops = graph.Nodes
                .Where(n => !fed.Contains(n.Name))
                .GroupBy(n => n.Op, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new OpUsageReport(g.Key, g.Count(), lowerer.Registry.IsSupported(g.Key), g.Select(n => n.Name).Order(StringComparer.Ordinal).ToList()))
                .ToList();
            var hostSteps = graph.ExampleSegments.Select(s =>
                $"parse tf.Examples of input '{s.InputKey}' into " + string.Join(", ", s.Features.Select(f =>
                    $"{f.Key} {f.DataType.ToWireName()} [{string.Join(",", f.Shape)}]{(f.Default is null ? string.Empty : " (has default)")}"))).ToList();
            return new SignatureReport(key, signature.MethodName, inputs, outputs, hostSteps, ops, null);
        }
        catch (ModelLoadException ex)
        {
            return new SignatureReport(key, signature.MethodName, inputs, outputs, [], [], ex.Message);
        }
    }

    private static SignatureTensorReport Describe(SignatureTensor tensor) => new(
        tensor.Key,
        TensorFlowDataTypes.TryToTensorDataType(tensor.DataType, out var type) ? type.ToWireName() : "?",
        TensorFlowDataTypes.Name(tensor.DataType),
        tensor.ShapeText,
        tensor.TensorName);
}
