using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct Float64Converter : IJsonScalarConverter<double>
{
    public static bool TryConvert(JsonElement element, out double value, out ConversionFailure failure)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetDouble(out value) && double.IsFinite(value))
            {
                failure = ConversionFailure.None;
                return true;
            }
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        if (element.ValueKind == JsonValueKind.String && NonFiniteNumberText.TryRead(element, out value))
        {
            failure = ConversionFailure.None;
            return true;
        }
        value = 0;
        failure = ConversionFailure.WrongKind;
        return false;
    }
}
