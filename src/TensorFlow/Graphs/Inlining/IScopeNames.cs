namespace Cortex.Queue.TensorFlow.Graphs.Inlining;

/// <summary>How input strings of one scope (the graph, or one inlined function body) map to flat tensors and nodes.</summary>
internal interface IScopeNames
{
    FlatTensor DataInput(string input);

    string ControlInput(string input);
}
