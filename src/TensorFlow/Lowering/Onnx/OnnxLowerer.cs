using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Values;

namespace Cortex.Queue.TensorFlow.Lowering.Onnx;

/// <summary>
/// Writes a prepared <see cref="SignatureGraph"/> as an ONNX model: signature inputs become graph inputs named by their
/// keys, each node goes through its op's handler in topological order, and each signature output is written under
/// its key.
/// </summary>
public sealed class OnnxLowerer(OpLoweringRegistry registry)
{
    /// <summary>The single ai.onnx opset every handler targets (20 brings string ops and axes-as-input reductions).</summary>
    public const int Opset = 20;

    public byte[] Lower(SignatureGraph graph, string docString)
    {
        var builder = new OnnxGraphBuilder(Opset, "tensorflow") { DocString = docString };
        var reserved = graph.Outputs.Select(o => o.Spec.Key).ToHashSet(StringComparer.Ordinal);
        reserved.UnionWith(graph.Inputs.Select(i => i.Spec.Key));
        reserved.UnionWith(graph.HostInputs.Select(h => h.OnnxInput));
        var context = new LoweringContext(graph, builder, reserved);
        var read = graph.Nodes.SelectMany(n => n.Inputs).Concat(graph.Outputs.Select(o => o.Tensor)).Select(t => t.Node).ToHashSet(StringComparer.Ordinal);
        var fed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in graph.Inputs.Where(i => read.Contains(i.Node)))
        {
            // No shape is declared: TensorFlow does not enforce SignatureDef shapes (a [-1,1] input is routinely fed
            // [1], a scalar one a batch), and ONNX Runtime would reject what TensorFlow Serving accepts. Inputs the
            // graph never reads (cut-out parsing inputs, duplicates) are left out of the ONNX model.
            var name = builder.AddInput(input.Spec.Key, TensorFlowDataTypes.ToTensorDataType(input.Spec.DataType), null);
            context.Bind(new(input.Node, 0), name);
            fed.Add(input.Node);
        }
        foreach (var hostInput in graph.HostInputs)
        {
            context.Bind(new(hostInput.OnnxInput, 0), builder.AddInput(hostInput.OnnxInput, hostInput.DataType, null));
            fed.Add(hostInput.OnnxInput);
        }
        fed.UnionWith(graph.Inputs.Select(i => i.Node));
        foreach (var node in graph.TopologicalOrder())
        {
            if (fed.Contains(node.Name) || node.Op == SignatureGraph.ConstOp)
            {
                continue;
            }
            var handler = registry.Find(node.Op) ?? throw new NotSupportedException($"no lowering for {node}");
            context.CurrentNode = node;
            handler.Lower(node, context);
        }
        context.CurrentNode = null;
        foreach (var output in graph.Outputs)
        {
            var value = context.Value(output.Tensor);
            context.EmitNamed("Identity", [value], [output.Spec.Key]);
            builder.AddOutput(output.Spec.Key, TensorFlowDataTypes.ToTensorDataType(output.Spec.DataType), null);
        }
        return builder.ToBytes();
    }
}
