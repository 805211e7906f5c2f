using System.Globalization;
using System.Runtime.InteropServices;

namespace Cortex.Queue.Tensors;

/// <summary>
/// A bfloat16 value: the upper 16 bits of an IEEE float32 (same exponent range, 8 bits of precision).
/// A storage type only; arithmetic happens in <see cref="float"/>. Its layout is one <see cref="ushort"/>, so an
/// array of it can be reinterpreted (MemoryMarshal.Cast) as any other bfloat16 struct of the same layout,
/// such as ONNX Runtime's. Equality compares bits.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct BrainFloat16 : IEquatable<BrainFloat16>
{
    private readonly ushort _bits;

    private BrainFloat16(ushort bits) => _bits = bits;

    public ushort Bits => _bits;

    public static BrainFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds to the nearest bfloat16, ties to even (what TensorFlow does); NaN stays NaN.</summary>
    public static explicit operator BrainFloat16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            // Keep the sign and force a quiet-NaN mantissa bit so truncation cannot turn NaN into infinity.
            return new BrainFloat16((ushort)((bits >> 16) | 0x0040));
        }
        var roundingBias = 0x7FFFu + ((bits >> 16) & 1u);
        return new BrainFloat16((ushort)((bits + roundingBias) >> 16));
    }

    public static explicit operator float(BrainFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value._bits << 16);

    public bool IsFinite => float.IsFinite((float)this);

    public bool Equals(BrainFloat16 other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is BrainFloat16 other && Equals(other);

    public override int GetHashCode() => _bits;

    public override string ToString() => ((float)this).ToString(CultureInfo.InvariantCulture);

    public static bool operator ==(BrainFloat16 left, BrainFloat16 right) => left.Equals(right);

    public static bool operator !=(BrainFloat16 left, BrainFloat16 right) => !left.Equals(right);
}
