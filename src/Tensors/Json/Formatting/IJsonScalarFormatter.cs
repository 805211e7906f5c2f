using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Writes one tensor element; implemented by structs so each element type gets its own compiled loop.</summary>
internal interface IJsonScalarFormatter<T>
{
    static abstract void Write(Utf8JsonWriter writer, T value);
}
