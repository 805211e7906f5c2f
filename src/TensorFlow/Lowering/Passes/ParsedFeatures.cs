using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>The dense features of one ParseExample node, and the index of its first dense output.</summary>
internal sealed record ParsedFeatures(string[] DenseKeys, DataType[] DenseTypes, long[][] DenseShapes, Tensor?[] Defaults, int FirstDenseOutput);
