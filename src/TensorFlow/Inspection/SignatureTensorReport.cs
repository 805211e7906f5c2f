namespace Cortex.Queue.TensorFlow.Inspection;

/// <summary>One input or output as <c>cortex model show</c> prints it.</summary>
/// <param name="Key">The name clients use.</param>
/// <param name="DataType">Cortex's wire name ("float32").</param>
/// <param name="TensorFlowDataType">TensorFlow's name ("DT_FLOAT").</param>
/// <param name="Shape">"[-1,28,28,1]" or "&lt;unknown rank&gt;".</param>
/// <param name="TensorName">The graph tensor the SignatureDef names.</param>
public sealed record SignatureTensorReport(string Key, string DataType, string TensorFlowDataType, string Shape, string TensorName);
