using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Receives the leaves of a nested list in row-major order; a validating sink converts without storing.</summary>
internal interface IElementSink
{
    bool TryWrite(JsonElement element, int index, out ConversionFailure failure);
}
