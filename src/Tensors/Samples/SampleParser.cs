using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Reads one request sample (TF Serving "instances" style, as Cortex accepts it) against a model signature.
/// <para>
/// A sample is a JSON object keyed by input names; when the signature has exactly one input, the bare value may
/// be sent instead (also a bare <c>{"b64": ...}</c> for a single string input). Each value is a nested list or
/// scalar: rank = signature rank - 1 is one instance (one row), rank = signature rank is a batch (its first
/// dimension is the row count), and a rank-0 input takes a scalar with no batch axis. Every input with a batch
/// axis must bring the same number of rows.
/// </para>
/// </summary>
public static class SampleParser
{
    /// <summary>Parses one sample into tensors. Throws <see cref="SampleException"/> when it does not fit.</summary>
    public static ParsedSample Parse(JsonElement sample, ModelSignature signature) => Decode(sample, signature, materialize: true)!;

    /// <summary>Runs every check of <see cref="Parse"/> without building tensors (for the ingress).</summary>
    public static void Validate(JsonElement sample, ModelSignature signature) => Decode(sample, signature, materialize: false);

    private static ParsedSample? Decode(JsonElement sample, ModelSignature signature, bool materialize)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var inputs = signature.Inputs;
        var values = CollectValues(sample, inputs);

        var tensors = materialize ? new Dictionary<string, Tensor>(inputs.Count, StringComparer.Ordinal) : null;
        var rows = -1;
        string? rowsSetBy = null;
        var isBatched = false;
        for (var i = 0; i < inputs.Count; i++)
        {
            var spec = inputs[i];
            var tensor = NestedListDecoder.Decode(values[i], spec, sampleMode: true, materialize, out var layout, out var inputRows);
            if (tensors is not null)
            {
                tensors[spec.Name] = tensor!;
            }
            if (layout == ValueLayout.Scalar)
            {
                continue;
            }
            isBatched |= layout == ValueLayout.Batch;
            if (rows < 0)
            {
                rows = inputRows;
                rowsSetBy = spec.Name;
            }
            else if (inputRows != rows)
            {
                throw new SampleException(
                    $"input '{spec.Name}' has {RowsText(inputRows)} but input '{rowsSetBy}' has {RowsText(rows)}; every input of a sample needs the same number of rows",
                    spec.Name);
            }
        }
        return tensors is null ? null : new ParsedSample(tensors, rows < 0 ? 1 : rows, isBatched);
    }

    /// <summary>The JSON value for each signature input, in signature order.</summary>
    private static JsonElement[] CollectValues(JsonElement sample, IReadOnlyList<TensorSpec> inputs)
    {
        var values = new JsonElement[inputs.Count];
        if (sample.ValueKind == JsonValueKind.Object && !IsBareByteString(sample, inputs))
        {
            CollectByName(sample, inputs, values);
            return values;
        }
        if (inputs.Count == 1)
        {
            values[0] = sample;
            return values;
        }
        throw new SampleException(
            $"expected a JSON object keyed by the signature's inputs ({InputNames(inputs)}), got {JsonValueDescriber.Describe(sample)}");
    }

    private static void CollectByName(JsonElement sample, IReadOnlyList<TensorSpec> inputs, JsonElement[] values)
    {
        Span<bool> seen = inputs.Count <= 64 ? stackalloc bool[inputs.Count] : new bool[inputs.Count];
        foreach (var property in sample.EnumerateObject())
        {
            var index = IndexOfInput(inputs, property);
            if (index < 0)
            {
                throw new SampleException($"unknown input '{property.Name}'; the signature's inputs are: {InputNames(inputs)}", property.Name);
            }
            if (seen[index])
            {
                throw new SampleException($"input '{property.Name}' is given more than once", property.Name);
            }
            seen[index] = true;
            values[index] = property.Value;
        }
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!seen[i])
            {
                var spec = inputs[i];
                throw new SampleException($"missing input '{spec.Name}' ({spec.DataType.ToWireName()} {spec.ShapeText})", spec.Name);
            }
        }
    }

    private static int IndexOfInput(IReadOnlyList<TensorSpec> inputs, JsonProperty property)
    {
        // NameEquals compares the UTF-8 key in place, so matching allocates nothing.
        for (var i = 0; i < inputs.Count; i++)
        {
            if (property.NameEquals(inputs[i].Name))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A lone <c>{"b64": ...}</c> sent to a single string input is that input's value, not an object of inputs.</summary>
    private static bool IsBareByteString(JsonElement sample, IReadOnlyList<TensorSpec> inputs) =>
        inputs.Count == 1
        && inputs[0].DataType == TensorDataType.String
        && inputs[0].Name != "b64"
        && StringSink.TryGetBase64Payload(sample, out _);

    private static string InputNames(IReadOnlyList<TensorSpec> inputs)
    {
        var names = new string[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            names[i] = inputs[i].Name;
        }
        return string.Join(", ", names);
    }

    private static string RowsText(int rows) => rows == 1 ? "1 row" : $"{rows} rows";
}
