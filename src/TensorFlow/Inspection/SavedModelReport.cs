namespace Cortex.Queue.TensorFlow.Inspection;

/// <summary>
/// What <c>cortex model show DIR</c> prints about a SavedModel: where it is, who wrote it, the served MetaGraph's tags,
/// every signature, and which one Cortex would serve without a <c>signature_key</c> (or why none).
/// </summary>
public sealed record SavedModelReport(
    string Directory,
    long? Version,
    string? TensorFlowVersion,
    IReadOnlyList<IReadOnlyList<string>> TagSets,
    IReadOnlyList<string> ServedTags,
    int VariableCount,
    IReadOnlyList<SignatureReport> Signatures,
    string? DefaultSignature,
    string? DefaultSignatureError);
