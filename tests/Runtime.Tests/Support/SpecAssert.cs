using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.Support;

public static class SpecAssert
{
    /// <summary>Checks name, element type and every dimension, so a failure says which one differs.</summary>
    public static void Matches(TensorSpec actual, string name, TensorDataType dataType, params long[] shape)
    {
        Assert.Equal(name, actual.Name);
        Assert.Equal(dataType, actual.DataType);
        Assert.Equal(shape, actual.Shape);
    }
}
