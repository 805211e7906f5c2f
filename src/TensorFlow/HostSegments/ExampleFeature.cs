using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.HostSegments;

/// <summary>
/// One dense feature a ParseExample op extracts: its key in the tf.Example, element type, per-example shape, the
/// default used when an example lacks it (null: the feature is required), and the ONNX input that receives it.
/// </summary>
public sealed record ExampleFeature(string Key, TensorDataType DataType, long[] Shape, Tensor? Default, string OnnxInput);
