namespace Cortex.Queue.Tensors.Tests;

public class TensorTests
{
    [Fact]
    public void A_data_array_of_the_wrong_element_type_is_rejected_where_it_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new Tensor(TensorDataType.BFloat16, [2], new ushort[2]));

        Assert.Contains("a bfloat16 tensor needs its data as BrainFloat16[]", error.Message);
    }

    [Fact]
    public void A_data_array_of_the_wrong_length_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Tensor(TensorDataType.Float32, [2, 3], new float[5]));
    }

    [Fact]
    public void Signed_and_unsigned_bytes_are_not_confused()
    {
        // The runtime lets a byte[] pass for an sbyte[]; a uint8 tensor must still refuse int8 storage and vice versa.
        Assert.Throws<ArgumentException>(() => new Tensor(TensorDataType.Int8, [1], new byte[1]));
        Assert.Throws<ArgumentException>(() => new Tensor(TensorDataType.UInt64, [1], new long[1]));
    }
}
