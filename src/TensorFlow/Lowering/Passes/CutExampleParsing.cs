using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.HostSegments;
using Cortex.Queue.TensorFlow.Lowering.Ops;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>
/// Cuts ParseExample / ParseExampleV2 out of the graph when it reads a signature input directly and only its dense
/// outputs are used (the classify/regress and TFX serving shape): ONNX cannot decode protobufs, so each used dense
/// output becomes a placeholder fed by an <see cref="ExampleParseSegment"/> that runs in managed code before the
/// ONNX model. Parses with sparse or ragged outputs in use stay in the graph and are reported as unsupported.
/// </summary>
public sealed class CutExampleParsing : IGraphPass
{
    public void Run(SignatureGraph graph, PassContext context)
    {
        var consumers = Consumers(graph);
        foreach (var node in graph.Nodes.Where(n => n.Op is "ParseExample" or "ParseExampleV2").ToList())
        {
            if (Describe(graph, node) is not { } parse || graph.Inputs.FirstOrDefault(i => i.Node == node.Inputs[0].Node) is not { } input)
            {
                continue;
            }
            var used = consumers.TryGetValue(node.Name, out var outputs) ? outputs : [];
            if (used.Any(output => output < parse.FirstDenseOutput || output >= parse.FirstDenseOutput + parse.DenseKeys.Length))
            {
                continue;
            }
            var features = new List<ExampleFeature>();
            foreach (var output in used.Order())
            {
                var dense = output - parse.FirstDenseOutput;
                var type = parse.DenseTypes[dense];
                var placeholder = graph.AddHostPlaceholder($"host/{node.Name}/{parse.DenseKeys[dense]}", type);
                features.Add(new ExampleFeature(parse.DenseKeys[dense], TensorFlowDataTypes.ToTensorDataType(type), parse.DenseShapes[dense], parse.Defaults[dense], placeholder.Name));
                graph.ReplaceUses(new FlatTensor(node.Name, output), new FlatTensor(placeholder.Name, 0));
            }
            graph.AddExampleSegment(new ExampleParseSegment(input.Spec.Key, features));
        }
        graph.Prune();
    }

    /// <summary>The keys, types, shapes and defaults of a parse's dense features; null when any is not a usable constant.</summary>
    private static ParsedFeatures? Describe(SignatureGraph graph, FlatNode node)
    {
        var types = node.Attribute("Tdense")?.List?.Type.ToArray() ?? [];
        var shapes = node.Attribute("dense_shapes")?.List?.Shape.Select(TensorShapes.ToDimensions).ToArray() ?? [];
        if (types.Length != shapes.Length || shapes.Any(s => s.Any(d => d < 0)) || types.Any(t => t is not (DataType.DtFloat or DataType.DtInt64 or DataType.DtString)))
        {
            return null;
        }
        string[] denseKeys;
        int sparseCount;
        int firstDefault;
        if (node.Op == "ParseExample")
        {
            sparseCount = (int)node.Int("Nsparse", 0);
            var denseCount = (int)node.Int("Ndense", types.Length);
            var keys = Enumerable.Range(2 + sparseCount, denseCount).Select(i => Strings(graph, node.Inputs[i])).ToList();
            if (keys.Any(k => k is not { Length: 1 }))
            {
                return null;
            }
            denseKeys = keys.Select(k => k![0]).ToArray();
            firstDefault = 2 + sparseCount + denseCount;
        }
        else
        {
            sparseCount = (int)node.Int("num_sparse", 0);
            if (Strings(graph, node.Inputs[3]) is not { } keys || Strings(graph, node.Inputs[4]) is not { Length: 0 })
            {
                return null;
            }
            denseKeys = keys;
            firstDefault = 5;
        }
        if (denseKeys.Length != types.Length || node.Inputs.Count < firstDefault + denseKeys.Length)
        {
            return null;
        }
        var defaults = new Tensor?[denseKeys.Length];
        for (var i = 0; i < denseKeys.Length; i++)
        {
            if (!graph.TryGetConstant(node.Inputs[firstDefault + i], out var value))
            {
                return null;
            }
            defaults[i] = DefaultFor(value, shapes[i]);
        }
        return new ParsedFeatures(denseKeys, types, shapes, defaults, 3 * sparseCount);
    }

    /// <summary>An empty default means "required"; a single value fills the feature's shape, as TensorFlow broadcasts it.</summary>
    private static Tensor? DefaultFor(Tensor value, long[] shape)
    {
        var count = Tensor.ElementCount(shape);
        if (value.Length == 0)
        {
            return null;
        }
        if (value.Length == count)
        {
            return new Tensor(value.DataType, shape, value.Data);
        }
        var filled = Array.CreateInstance(value.Data.GetType().GetElementType()!, count);
        for (var i = 0; i < count; i++)
        {
            filled.SetValue(value.Data.GetValue(0), i);
        }
        return new Tensor(value.DataType, shape, filled);
    }

    private static string[]? Strings(SignatureGraph graph, FlatTensor tensor) =>
        graph.TryGetConstant(tensor, out var value) && value.Data is string[] strings ? strings : null;

    private static Dictionary<string, HashSet<int>> Consumers(SignatureGraph graph)
    {
        var consumers = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var input in graph.Nodes.SelectMany(n => n.Inputs).Concat(graph.Outputs.Select(o => o.Tensor)))
        {
            if (!consumers.TryGetValue(input.Node, out var outputs))
            {
                consumers[input.Node] = outputs = [];
            }
            outputs.Add(input.Output);
        }
        return consumers;
    }
}
