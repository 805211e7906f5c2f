namespace Cortex.Queue.Config;

/// <summary>Which block declared the model: <c>tensorflow:</c> (a SavedModel) or <c>onnx:</c>.</summary>
public enum ModelKind
{
    TensorFlow,
    Onnx,
}
