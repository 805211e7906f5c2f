namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>One rewrite of a <see cref="SignatureGraph"/> on its way to ONNX; passes run in the order the pipeline lists them.</summary>
public interface IGraphPass
{
    void Run(SignatureGraph graph, PassContext context);
}
