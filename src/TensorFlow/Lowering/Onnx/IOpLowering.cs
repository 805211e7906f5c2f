using Cortex.Queue.TensorFlow.Graphs;

namespace Cortex.Queue.TensorFlow.Lowering.Onnx;

/// <summary>Lowers one TensorFlow op (or a family of ops with one shape) to ONNX nodes.</summary>
public interface IOpLowering
{
    /// <summary>The TensorFlow op names this handler lowers.</summary>
    IReadOnlyCollection<string> Ops { get; }

    /// <summary>Emits ONNX nodes for <paramref name="node"/> and sets the ONNX value of each of its outputs that is read.</summary>
    void Lower(FlatNode node, LoweringContext context);
}
