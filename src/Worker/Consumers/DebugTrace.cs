using System.Text.Json;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// The four stages Cortex's <c>?debug=true</c> shows: the raw sample, the value after <c>pre_inference</c>,
/// the model's output, and the value after <c>post_inference</c>; each cut to a readable length.
/// </summary>
public static class DebugTrace
{
    public static string Build(string sampleJson, string? preInferenceJson, string? inferenceJson, string? postInferenceJson, int truncateLength)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("sample", Truncate(sampleJson, truncateLength));
            writer.WriteString("pre_inference", preInferenceJson is null ? "(no pre_inference handler)" : Truncate(preInferenceJson, truncateLength));
            writer.WriteString("inference", inferenceJson is null ? "(no output)" : Truncate(inferenceJson, truncateLength));
            writer.WriteString("post_inference", postInferenceJson is null ? "(no post_inference handler)" : Truncate(postInferenceJson, truncateLength));
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Truncate(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length), $"... ({text.Length - length} more characters)");
}
