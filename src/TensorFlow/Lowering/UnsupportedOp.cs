namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>A TensorFlow op with no lowering, and the nodes of the served graph that use it.</summary>
public sealed record UnsupportedOp(string Op, IReadOnlyList<string> Nodes)
{
    public override string ToString() =>
        Nodes.Count <= 5
            ? $"{Op} ({string.Join(", ", Nodes)})"
            : $"{Op} ({string.Join(", ", Nodes.Take(5))} and {Nodes.Count - 5} more)";
}
