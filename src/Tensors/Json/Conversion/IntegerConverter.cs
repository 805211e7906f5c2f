using System.Numerics;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// JSON number to any integer type: integral values only (3.0 and 1e3 are fine, 3.5 is not), within the type's range.
/// </summary>
internal readonly struct IntegerConverter<T> : IJsonScalarConverter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    private static readonly long Minimum = long.CreateSaturating(T.MinValue);
    private static readonly ulong Maximum = ulong.CreateSaturating(T.MaxValue);

    // Exclusive upper bound as a double: exact for small types, and for 64-bit types (max + 1 rounds to 2^63 or 2^64)
    // it is still the right exclusive bound.
    private static readonly double MaximumExclusive = (double)Maximum + 1.0;

    public static bool TryConvert(JsonElement element, out T value, out ConversionFailure failure)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Number)
        {
            failure = ConversionFailure.WrongKind;
            return false;
        }
        if (element.TryGetInt64(out var signed))
        {
            if (signed >= Minimum && (signed < 0 || (ulong)signed <= Maximum))
            {
                value = T.CreateTruncating(signed);
                failure = ConversionFailure.None;
                return true;
            }
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        if (element.TryGetUInt64(out var unsigned))
        {
            if (unsigned <= Maximum)
            {
                value = T.CreateTruncating(unsigned);
                failure = ConversionFailure.None;
                return true;
            }
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        // Written with a fraction or an exponent ("3.0", "1e3"), or too large for 64 bits.
        if (!element.TryGetDouble(out var real) || !double.IsFinite(real))
        {
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        if (real != Math.Floor(real))
        {
            failure = ConversionFailure.NotIntegral;
            return false;
        }
        if (real < Minimum || real >= MaximumExclusive)
        {
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        value = real < 0 ? T.CreateTruncating((long)real) : T.CreateTruncating((ulong)real);
        failure = ConversionFailure.None;
        return true;
    }
}
