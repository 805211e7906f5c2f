using System.Text.Json;

namespace Cortex.Queue.Tensors.Tests;

internal static class JsonText
{
    /// <summary>A detached element, so tests need not keep a JsonDocument alive.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
