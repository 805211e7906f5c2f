namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>Output <see cref="Output"/> of node <see cref="Node"/> in a <see cref="FlatGraph"/>.</summary>
public readonly record struct FlatTensor(string Node, int Output)
{
    public override string ToString() => $"{Node}:{Output}";
}
