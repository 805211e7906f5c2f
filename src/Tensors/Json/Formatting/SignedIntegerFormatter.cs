using System.Numerics;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

internal readonly struct SignedIntegerFormatter<T> : IJsonScalarFormatter<T>
    where T : IBinaryInteger<T>
{
    public static void Write(Utf8JsonWriter writer, T value) => writer.WriteNumberValue(long.CreateTruncating(value));
}
