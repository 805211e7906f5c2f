using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs.Inlining;

/// <summary>Adds nodes to a <see cref="FlatGraph"/>, replacing each function call by the callee's body, recursively.</summary>
internal sealed class FunctionInliner(FlatGraph graph, IReadOnlyDictionary<string, FunctionDef> functions, OpOutputLayout layout)
{
    private const int MaximumCallDepth = 64;

    private readonly HashSet<string> _functionNames = new(functions.Keys, StringComparer.Ordinal);

    public void AddNode(NodeDef node, string prefix, IScopeNames names, int depth, List<string>? created)
    {
        var flatName = prefix + node.Name;
        var dataInputs = node.Input.Where(i => !i.StartsWith('^')).Select(names.DataInput).ToList();
        var controlInputs = node.Input.Where(i => i.StartsWith('^')).Select(names.ControlInput).ToList();
        var calledFunction = CallOps.CalledFunction(node, _functionNames);
        if (calledFunction is not null && functions.TryGetValue(calledFunction, out var function))
        {
            Inline(flatName, function, dataInputs, depth, created);
            return;
        }
        var flat = new FlatNode(flatName, node.Op, node.Attr);
        flat.Inputs.AddRange(dataInputs);
        flat.ControlInputs.AddRange(controlInputs);
        graph.Add(flat);
        created?.Add(flatName);
    }

    private void Inline(string callName, FunctionDef function, List<FlatTensor> callInputs, int depth, List<string>? created)
    {
        if (depth >= MaximumCallDepth)
        {
            throw new InvalidDataException($"function calls nest deeper than {MaximumCallDepth} at '{callName}' (recursive function {function.Signature.Name}?)");
        }
        var signature = function.Signature;
        if (callInputs.Count < signature.InputArg.Count)
        {
            throw new InvalidDataException($"'{callName}' passes {callInputs.Count} inputs to {signature.Name}, which takes {signature.InputArg.Count}");
        }
        var arguments = new Dictionary<string, List<FlatTensor>>(StringComparer.Ordinal);
        for (var i = 0; i < signature.InputArg.Count; i++)
        {
            arguments[signature.InputArg[i].Name] = [callInputs[i]];
        }
        var prefix = callName + "/";
        var bodyNodes = function.NodeDef.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var names = new FunctionScopeNames(function, prefix, arguments, bodyNodes, layout);
        var inlined = new List<string>();
        foreach (var bodyNode in function.NodeDef)
        {
            AddNode(bodyNode, prefix, names, depth + 1, inlined);
        }
        for (var i = 0; i < signature.OutputArg.Count; i++)
        {
            var argName = signature.OutputArg[i].Name;
            if (!function.Ret.TryGetValue(argName, out var returned))
            {
                throw new InvalidDataException($"function {signature.Name} does not say what it returns as '{argName}'");
            }
            graph.AddAlias(new FlatTensor(callName, i), names.DataInput(returned));
        }
        graph.RecordInlinedCall(callName, inlined);
        created?.AddRange(inlined);
    }
}
