using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct BrainFloat16Converter : IJsonScalarConverter<BrainFloat16>
{
    public static bool TryConvert(JsonElement element, out BrainFloat16 value, out ConversionFailure failure)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetSingle(out var single))
            {
                value = (BrainFloat16)single;
                if (value.IsFinite)
                {
                    failure = ConversionFailure.None;
                    return true;
                }
            }
            value = default;
            failure = ConversionFailure.OutOfRange;
            return false;
        }
        if (element.ValueKind == JsonValueKind.String && NonFiniteNumberText.TryRead(element, out var special))
        {
            value = (BrainFloat16)(float)special;
            failure = ConversionFailure.None;
            return true;
        }
        value = default;
        failure = ConversionFailure.WrongKind;
        return false;
    }
}
