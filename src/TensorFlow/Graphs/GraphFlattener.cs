using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// Builds a <see cref="FlatGraph"/> from a MetaGraph: GraphDef nodes are copied, and every call
/// (StatefulPartitionedCall, PartitionedCall, or a node whose op is a library function) is replaced by the callee's
/// body, recursively. Inside a body, "arg" means the caller's input and "node:out_arg:i" a body node's output; both
/// are rewritten to flat tensors, and the call's outputs become aliases of the body's return values.
/// </summary>
public static class GraphFlattener
{
    private const int MaximumCallDepth = 64;

    public static FlatGraph Flatten(MetaGraphDef metaGraph)
    {
        var graphDef = metaGraph.GraphDef ?? new GraphDef();
        var functions = (graphDef.Library?.Function ?? []).ToDictionary(f => f.Signature.Name, StringComparer.Ordinal);
        var context = new Context(new FlatGraph(), functions, new HashSet<string>(functions.Keys, StringComparer.Ordinal), new OpOutputLayout(metaGraph));
        var topLevel = new TopLevelNames();
        foreach (var node in graphDef.Node)
        {
            context.AddNode(node, string.Empty, topLevel, depth: 0, created: null);
        }
        context.Graph.ResolveAllInputs();
        return context.Graph;
    }

    /// <summary>How input strings of one scope (the graph, or one inlined function body) map to flat tensors.</summary>
    private interface IScopeNames
    {
        FlatTensor DataInput(string input);

        string ControlInput(string input);
    }

    private sealed class TopLevelNames : IScopeNames
    {
        public FlatTensor DataInput(string input)
        {
            var name = TensorName.Parse(input);
            return new FlatTensor(name.Node, name.Output);
        }

        public string ControlInput(string input) => input[1..];
    }

    private sealed class FunctionBodyNames(
        FunctionDef function,
        string prefix,
        IReadOnlyDictionary<string, List<FlatTensor>> arguments,
        IReadOnlyDictionary<string, NodeDef> bodyNodes,
        OpOutputLayout layout) : IScopeNames
    {
        public FlatTensor DataInput(string input)
        {
            var name = FunctionTensorName.Parse(input);
            if (arguments.TryGetValue(name.Node, out var argument))
            {
                // "arg" or "arg:i": an element of the caller's argument list.
                var index = name.OutputArgument is null ? 0 : int.Parse(name.OutputArgument, System.Globalization.CultureInfo.InvariantCulture);
                return argument[index];
            }
            if (!bodyNodes.TryGetValue(name.Node, out var producer))
            {
                throw new InvalidDataException($"function {function.Signature.Name} reads '{input}', which is neither an argument nor a node of its body");
            }
            var flatIndex = name.OutputArgument is null ? 0 : layout.FlatIndex(producer, name.OutputArgument, name.Index);
            return new FlatTensor(prefix + name.Node, flatIndex);
        }

        public string ControlInput(string input) => prefix + input[1..];
    }

    private sealed record Context(
        FlatGraph Graph,
        IReadOnlyDictionary<string, FunctionDef> Functions,
        IReadOnlySet<string> FunctionNames,
        OpOutputLayout Layout)
    {
        public void AddNode(NodeDef node, string prefix, IScopeNames names, int depth, List<string>? created)
        {
            var flatName = prefix + node.Name;
            var dataInputs = node.Input.Where(i => !i.StartsWith('^')).Select(names.DataInput).ToList();
            var controlInputs = node.Input.Where(i => i.StartsWith('^')).Select(names.ControlInput).ToList();
            var calledFunction = CallOps.CalledFunction(node, FunctionNames);
            if (calledFunction is not null && Functions.TryGetValue(calledFunction, out var function))
            {
                Inline(flatName, function, dataInputs, depth, created);
                return;
            }
            var flat = new FlatNode(flatName, node.Op, node.Attr);
            flat.Inputs.AddRange(dataInputs);
            flat.ControlInputs.AddRange(controlInputs);
            Graph.Add(flat);
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
            var names = new FunctionBodyNames(function, prefix, arguments, bodyNodes, Layout);
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
                Graph.AddAlias(new FlatTensor(callName, i), names.DataInput(returned));
            }
            Graph.RecordInlinedCall(callName, inlined);
            created?.AddRange(inlined);
        }
    }
}
