namespace Cortex.Queue.Tensors.Tests;

internal static class Signatures
{
    public static TensorSpec Spec(string name, TensorDataType type, params long[] shape) => new(name, type, shape);

    public static ModelSignature WithInputs(params TensorSpec[] inputs) => new("serving_default", inputs, []);

    public static ModelSignature Single(TensorDataType type, params long[] shape) => WithInputs(Spec("x", type, shape));
}
