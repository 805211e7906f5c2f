namespace Cortex.Queue.Tensors.Tests;

public class BrainFloat16Tests
{
    [Fact]
    public void Conversion_rounds_to_nearest_with_ties_to_even()
    {
        // 1 + 2^-8 lies exactly between 1 and 1 + 2^-7: ties go to the even mantissa (1.0).
        Assert.Equal((ushort)0x3F80, ((BrainFloat16)(1f + 1f / 256)).Bits);
        // 1 + 3 * 2^-8 lies between 1 + 2^-7 (odd) and 1 + 2^-6 (even): rounds up to the even one.
        Assert.Equal((ushort)0x3F82, ((BrainFloat16)(1f + 3f / 256)).Bits);
        // Just above the halfway point rounds up.
        Assert.Equal((ushort)0x3F81, ((BrainFloat16)(1f + 1f / 256 + 1f / 65536)).Bits);
    }

    [Fact]
    public void NaN_stays_NaN_even_when_its_payload_is_in_the_low_bits()
    {
        var lowPayloadNaN = BitConverter.UInt32BitsToSingle(0x7F800001);

        Assert.True(float.IsNaN((float)(BrainFloat16)lowPayloadNaN));
    }

    [Fact]
    public void Widening_to_float_is_exact()
    {
        Assert.Equal(-2.5f, (float)(BrainFloat16)(-2.5f));
    }
}
