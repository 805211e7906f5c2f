using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Stores converted elements into a preallocated typed array, or only checks them when there is none.</summary>
internal struct ArraySink<T, TConverter> : IElementSink
    where TConverter : struct, IJsonScalarConverter<T>
{
    public ArraySink(T[]? destination) => Destination = destination;

    public T[]? Destination { get; }

    public readonly bool TryWrite(JsonElement element, int index, out ConversionFailure failure)
    {
        if (!TConverter.TryConvert(element, out var value, out failure))
        {
            return false;
        }
        if (Destination is not null)
        {
            Destination[index] = value;
        }
        return true;
    }
}
