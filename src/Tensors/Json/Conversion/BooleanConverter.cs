using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>true/false, and 0/1 because many clients (and NumPy's tolist of an int mask) send bools as numbers.</summary>
internal readonly struct BooleanConverter : IJsonScalarConverter<bool>
{
    public static bool TryConvert(JsonElement element, out bool value, out ConversionFailure failure)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                failure = ConversionFailure.None;
                return true;
            case JsonValueKind.False:
                value = false;
                failure = ConversionFailure.None;
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var number) && number is 0 or 1:
                value = number == 1;
                failure = ConversionFailure.None;
                return true;
            default:
                value = false;
                failure = ConversionFailure.WrongKind;
                return false;
        }
    }
}
