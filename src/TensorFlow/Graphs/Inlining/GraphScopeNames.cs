namespace Cortex.Queue.TensorFlow.Graphs.Inlining;

/// <summary>Names in the GraphDef itself: "node", "node:2", "^node"; flat names equal graph names.</summary>
internal sealed class GraphScopeNames : IScopeNames
{
    public static GraphScopeNames Instance { get; } = new();

    public FlatTensor DataInput(string input)
    {
        var name = TensorName.Parse(input);
        return new FlatTensor(name.Node, name.Output);
    }

    public string ControlInput(string input) => input[1..];
}
