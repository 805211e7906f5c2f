using System.Text.Json;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>Writes a signature the way Cortex (<c>/signature</c>) and TF Serving (<c>/metadata</c>) print it.</summary>
public static class SignatureJson
{
    /// <summary><c>{"signature": {input: {"shape": [...], "type": "float32"}}}</c>; dynamic dims are -1.</summary>
    public static string WriteCortex(ModelSignature signature) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("signature_key", signature.Key);
        writer.WriteStartObject("signature");
        foreach (var input in signature.Inputs)
        {
            WriteSpec(writer, input);
        }
        writer.WriteEndObject();
        writer.WriteStartObject("outputs");
        foreach (var output in signature.Outputs)
        {
            WriteSpec(writer, output);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>TF Serving's GetModelMetadata response shape.</summary>
    public static string WriteTfServingMetadata(string modelName, ModelSignature signature) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("model_spec");
        writer.WriteString("name", modelName);
        writer.WriteString("signature_name", "");
        writer.WriteString("version", "1");
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        writer.WriteStartObject("signature_def");
        writer.WriteStartObject("signature_def");
        writer.WriteStartObject(signature.Key);
        WriteTensorInfos(writer, "inputs", signature.Inputs);
        WriteTensorInfos(writer, "outputs", signature.Outputs);
        writer.WriteString("method_name", "tensorflow/serving/predict");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteSpec(Utf8JsonWriter writer, TensorSpec spec)
    {
        writer.WriteStartObject(spec.Name);
        writer.WriteStartArray("shape");
        foreach (var dim in spec.Shape)
        {
            writer.WriteNumberValue(dim);
        }
        writer.WriteEndArray();
        writer.WriteString("type", spec.DataType.ToWireName());
        writer.WriteEndObject();
    }

    private static void WriteTensorInfos(Utf8JsonWriter writer, string property, IReadOnlyList<TensorSpec> specs)
    {
        writer.WriteStartObject(property);
        foreach (var spec in specs)
        {
            writer.WriteStartObject(spec.Name);
            writer.WriteString("dtype", "DT_" + spec.DataType.ToWireName().ToUpperInvariant().Replace("FLOAT32", "FLOAT").Replace("FLOAT64", "DOUBLE").Replace("FLOAT16", "HALF"));
            writer.WriteStartObject("tensor_shape");
            writer.WriteStartArray("dim");
            foreach (var dim in spec.Shape)
            {
                writer.WriteStartObject();
                writer.WriteString("size", dim.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("name", "");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteBoolean("unknown_rank", false);
            writer.WriteEndObject();
            writer.WriteString("name", spec.Name);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
