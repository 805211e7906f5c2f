using Cortex.Queue.TensorFlow.HostSegments;
using Cortex.Queue.TensorFlow.Signatures;

namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>
/// A SavedModel signature lowered to ONNX: the model bytes, the signature they implement, where it came from, and
/// the tf.Example parsing that must run before the ONNX model (when non-empty, the ONNX model takes the parsed
/// features, named by <see cref="ExampleFeature.OnnxInput"/>, instead of the serialized examples).
/// </summary>
public sealed record ConvertedModel(byte[] OnnxModel, ResolvedSignature Signature, string Description, IReadOnlyList<ExampleParseSegment> HostSegments);
