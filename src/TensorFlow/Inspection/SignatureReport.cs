namespace Cortex.Queue.TensorFlow.Inspection;

/// <summary>
/// One signature: inputs, outputs, the steps that run in managed code before ONNX Runtime (tf.Example parsing), and
/// the ops left after inlining, freezing and pruning (what lowering must handle). <see cref="Error"/> is set, and
/// <see cref="Ops"/> empty, when the signature cannot even be prepared.
/// </summary>
public sealed record SignatureReport(
    string Key,
    string MethodName,
    IReadOnlyList<SignatureTensorReport> Inputs,
    IReadOnlyList<SignatureTensorReport> Outputs,
    IReadOnlyList<string> HostSteps,
    IReadOnlyList<OpUsageReport> Ops,
    string? Error)
{
    /// <summary>True when every op has a lowering and the signature could be prepared.</summary>
    public bool IsServable => Error is null && Ops.All(o => o.Supported);
}
