using System.Globalization;
using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs.Inlining;

/// <summary>
/// Names inside one inlined function body: an argument name stands for the caller's input, "node:out_arg:i" for an
/// output of a body node, which lives in the flat graph under the call's prefix.
/// </summary>
internal sealed class FunctionScopeNames(
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
            var index = name.OutputArgument is null ? 0 : int.Parse(name.OutputArgument, CultureInfo.InvariantCulture);
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
