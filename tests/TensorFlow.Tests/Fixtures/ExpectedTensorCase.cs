using System.Text.Json;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>One "tensor_cases" entry of a fixture's expected/expected.json: a signature, its inputs and expected outputs.</summary>
public sealed record ExpectedTensorCase(
    string Signature,
    IReadOnlyDictionary<string, Tensor> Inputs,
    IReadOnlyDictionary<string, Tensor> Outputs,
    bool Exact,
    double Tolerance)
{
    public static IReadOnlyList<ExpectedTensorCase> Read(string fixture)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixturePaths.Model(fixture), "expected", "expected.json")));
        return document.RootElement.GetProperty("tensor_cases").EnumerateArray().Select(ReadCase).ToList();
    }

    private static ExpectedTensorCase ReadCase(JsonElement element) => new(
        element.GetProperty("signature").GetString()!,
        ReadTensors(element.GetProperty("inputs")),
        ReadTensors(element.GetProperty("outputs")),
        element.TryGetProperty("exact", out var exact) && exact.GetBoolean(),
        element.TryGetProperty("tolerance", out var tolerance) ? tolerance.GetDouble() : 1e-5);

    private static Dictionary<string, Tensor> ReadTensors(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => ReadTensor(p.Value));

    public static Tensor ReadTensor(JsonElement element)
    {
        var type = DataTypeOf(element.GetProperty("dtype").GetString()!);
        var shape = element.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var values = element.GetProperty("values").EnumerateArray().ToList();
        return new Tensor(type, shape, ToArray(type, values));
    }

    public static TensorDataType DataTypeOf(string tensorFlowName) => tensorFlowName switch
    {
        "DT_FLOAT" => TensorDataType.Float32,
        "DT_DOUBLE" => TensorDataType.Float64,
        "DT_INT32" => TensorDataType.Int32,
        "DT_INT64" => TensorDataType.Int64,
        "DT_INT16" => TensorDataType.Int16,
        "DT_INT8" => TensorDataType.Int8,
        "DT_UINT8" => TensorDataType.UInt8,
        "DT_UINT16" => TensorDataType.UInt16,
        "DT_UINT32" => TensorDataType.UInt32,
        "DT_UINT64" => TensorDataType.UInt64,
        "DT_BOOL" => TensorDataType.Bool,
        "DT_STRING" => TensorDataType.String,
        _ => throw new NotSupportedException(tensorFlowName),
    };

    public static Array ToArray(TensorDataType type, IReadOnlyList<JsonElement> values) => type switch
    {
        TensorDataType.Float32 => values.Select(v => v.GetSingle()).ToArray(),
        TensorDataType.Float64 => values.Select(v => v.GetDouble()).ToArray(),
        TensorDataType.Int32 => values.Select(v => v.GetInt32()).ToArray(),
        TensorDataType.Int64 => values.Select(v => v.GetInt64()).ToArray(),
        TensorDataType.Int16 => values.Select(v => v.GetInt16()).ToArray(),
        TensorDataType.Int8 => values.Select(v => v.GetSByte()).ToArray(),
        TensorDataType.UInt8 => values.Select(v => v.GetByte()).ToArray(),
        TensorDataType.UInt16 => values.Select(v => v.GetUInt16()).ToArray(),
        TensorDataType.UInt32 => values.Select(v => v.GetUInt32()).ToArray(),
        TensorDataType.UInt64 => values.Select(v => v.GetUInt64()).ToArray(),
        TensorDataType.Bool => values.Select(v => v.GetBoolean()).ToArray(),
        TensorDataType.String => values.Select(v => v.GetString()!).ToArray(),
        _ => throw new NotSupportedException(type.ToString()),
    };
}
