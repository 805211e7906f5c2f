using System.Text.Json;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>The error body every Cortex.Queue surface returns: <c>{"error": "...", "request_id": "..."}</c>.</summary>
public static class ErrorBody
{
    public static string Write(string error, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("request_id", requestId);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
