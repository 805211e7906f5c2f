using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.TensorFlow.Variables;

namespace Cortex.Queue.TensorFlow.Restore;

/// <summary>
/// Finds which checkpoint key restores which variable the way TensorFlow's loader restores them: by running (here:
/// walking) the saver's restore op. TF1 graphs reach <c>Assign(VariableV2, RestoreV2:i)</c> nodes through control
/// edges of <c>save/restore_all</c>; TF2 graphs call a restore function whose body does
/// <c>AssignVariableOp(handle argument, RestoreV2:tensors:i)</c>, the handle being a VarHandleOp of the outer graph.
/// The key is element i of RestoreV2's <c>tensor_names</c> constant.
/// </summary>
public static class VariableBinder
{
    public static VariableBindings Bind(FlatGraph graph, SaverDef? saver, TensorBundleReader? bundle)
    {
        if (saver is null || saver.RestoreOpName.Length == 0)
        {
            return new VariableBindings(new Dictionary<string, string>(), bundle);
        }
        var restoreOp = TensorName.Parse(saver.RestoreOpName).Node;
        if (!graph.Contains(restoreOp) && !graph.WasInlinedCall(restoreOp))
        {
            throw new InvalidDataException($"the saver's restore op '{restoreOp}' is not in the graph");
        }
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in NodesRunBy(graph, restoreOp))
        {
            if (VariableOps.IsAssignment(node.Op) && node.Inputs.Count >= 2)
            {
                BindAssignment(graph, node, keys);
            }
        }
        return new VariableBindings(keys, bundle);
    }

    /// <summary>Every node the restore op depends on, through data and control edges and into inlined calls.</summary>
    private static IEnumerable<FlatNode> NodesRunBy(FlatGraph graph, string root)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!visited.Add(name))
            {
                continue;
            }
            foreach (var inlined in graph.InlinedNodesOf(name))
            {
                pending.Push(inlined);
            }
            if (graph.Find(name) is not { } node)
            {
                continue;
            }
            yield return node;
            foreach (var input in node.Inputs)
            {
                pending.Push(input.Node);
            }
            foreach (var control in node.ControlInputs)
            {
                pending.Push(control);
            }
        }
    }

    private static void BindAssignment(FlatGraph graph, FlatNode assignment, Dictionary<string, string> keys)
    {
        var target = FollowPassThrough(graph, assignment.Inputs[0]);
        var value = FollowPassThrough(graph, assignment.Inputs[1]);
        var variable = graph.Get(target.Node);
        var source = graph.Get(value.Node);
        if (!VariableOps.IsVariable(variable.Op) || !VariableOps.IsRestore(source.Op) || source.Inputs.Count < 2)
        {
            return;
        }
        var tensorNames = ConstantStrings(graph, source.Inputs[1]);
        if (value.Output >= tensorNames.Length)
        {
            throw new InvalidDataException($"'{assignment.Name}' assigns output {value.Output} of '{source.Name}', which restores only {tensorNames.Length} tensors");
        }
        if (source.Inputs.Count >= 3)
        {
            var slices = ConstantStrings(graph, source.Inputs[2]);
            if (value.Output < slices.Length && slices[value.Output].Length > 0)
            {
                throw new NotSupportedException($"variable '{variable.Name}' is restored from a slice ('{slices[value.Output]}') of a partitioned variable, which is not supported");
            }
        }
        keys[variable.Name] = tensorNames[value.Output];
    }

    private static FlatTensor FollowPassThrough(FlatGraph graph, FlatTensor tensor)
    {
        tensor = graph.Resolve(tensor);
        for (var node = graph.Get(tensor.Node); VariableOps.IsPassThrough(node.Op) && node.Inputs.Count > 0; node = graph.Get(tensor.Node))
        {
            tensor = graph.Resolve(node.Inputs[0]);
        }
        return tensor;
    }

    private static string[] ConstantStrings(FlatGraph graph, FlatTensor tensor)
    {
        var node = graph.Get(FollowPassThrough(graph, tensor).Node);
        if (node.Op != "Const" || node.Attribute("value")?.Tensor is not { } value)
        {
            throw new InvalidDataException($"the checkpoint keys read by the restore op come from '{node.Name}' ({node.Op}), not from a constant");
        }
        return TensorProtoDecoder.DecodeStrings(value).Select(b => System.Text.Encoding.UTF8.GetString(b)).ToArray();
    }
}
