using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cortex.Queue.Contracts;

/// <summary>Reads and writes a <see cref="PredictRequest"/> as its bare sample, so the wire body is what the user sent.</summary>
public sealed class PredictRequestJsonConverter : JsonConverter<PredictRequest>
{
    public override PredictRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new PredictRequest(document.RootElement.Clone());
    }

    public override void Write(Utf8JsonWriter writer, PredictRequest value, JsonSerializerOptions options) =>
        value.Sample.WriteTo(writer);
}
