using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Turns one JSON scalar into one element of type <typeparamref name="T"/>. Implemented by structs and called
/// through a type parameter, so each element type gets its own compiled loop with no virtual call or boxing.
/// </summary>
internal interface IJsonScalarConverter<T>
{
    static abstract bool TryConvert(JsonElement element, out T value, out ConversionFailure failure);
}
