using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.TensorFlow.Lowering.Passes;
using Cortex.Queue.TensorFlow.Signatures;

namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>
/// Turns one signature of a SavedModel into an ONNX model: extract the signature's graph (inputs fed, unreachable
/// nodes gone), run the passes in order, check every op has a handler, then lower node by node.
/// </summary>
public sealed class SavedModelLowerer(OpLoweringRegistry registry)
{
    public SavedModelLowerer()
        : this(OpLoweringRegistry.Default)
    {
    }

    /// <summary>The passes, in the order they run.</summary>
    public static IReadOnlyList<IGraphPass> Passes { get; } =
    [
        new PruneUnusedNodes(),
        new FreezeVariables(),
        new ResolveUnfedPlaceholders(),
        new RemovePassThroughOps(),
        new FoldConstants(),
        new CutExampleParsing(),
    ];

    public OpLoweringRegistry Registry => registry;

    /// <summary>The signature's graph after every pass, ready to lower (variables are read only when lowering needs them).</summary>
    public SignatureGraph Prepare(SavedModelBundle bundle, ResolvedSignature signature)
    {
        SignatureGraph graph;
        try
        {
            graph = SignatureGraph.Extract(bundle.Graph, signature);
        }
        catch (Exception ex) when (ex is InvalidDataException or KeyNotFoundException)
        {
            throw new ModelLoadException($"signature '{signature.Key}' of {bundle.Description}: {ex.Message}", ex);
        }
        var context = new PassContext(bundle.Variables, bundle.Description);
        foreach (var pass in Passes)
        {
            try
            {
                pass.Run(graph, context);
            }
            catch (NotSupportedException ex)
            {
                throw new ModelLoadException($"signature '{signature.Key}' of {bundle.Description}: {ex.Message}", ex);
            }
        }
        return graph;
    }

    /// <summary>Ops of <paramref name="graph"/> without a handler, each with the nodes using it, sorted by op.</summary>
    public IReadOnlyList<UnsupportedOp> FindUnsupported(SignatureGraph graph) =>
        graph.Nodes
            .Where(n => !registry.IsSupported(n.Op))
            .GroupBy(n => n.Op, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnsupportedOp(g.Key, g.Select(n => n.Name).Order(StringComparer.Ordinal).ToList()))
            .ToList();

    /// <summary>Lowers the signature; a <see cref="ModelLoadException"/> names every unsupported op and the nodes using it.</summary>
    public byte[] Lower(SavedModelBundle bundle, ResolvedSignature signature) => Lower(bundle, Prepare(bundle, signature));

    /// <summary>Lowers a graph <see cref="Prepare"/> returned (its host segments stay with the caller).</summary>
    public byte[] Lower(SavedModelBundle bundle, SignatureGraph graph)
    {
        var signature = graph.Signature;
        var unsupported = FindUnsupported(graph);
        if (unsupported.Count > 0)
        {
            throw new ModelLoadException(
                $"signature '{signature.Key}' of {bundle.Description} uses TensorFlow ops Cortex cannot run yet: {string.Join("; ", unsupported)}");
        }
        try
        {
            var doc = $"Lowered by Cortex.Queue from TensorFlow SavedModel {bundle.Location.Directory}, signature '{signature.Key}'"
                + (bundle.TensorFlowVersion is { } version ? $", written by TensorFlow {version}" : string.Empty);
            return new OnnxLowerer(registry).Lower(graph, doc);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or InvalidDataException or ArgumentException)
        {
            throw new ModelLoadException($"cannot lower signature '{signature.Key}' of {bundle.Description} to ONNX: {ex.Message}", ex);
        }
    }
}
