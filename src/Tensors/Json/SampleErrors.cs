using System.Globalization;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Composes the user-facing <see cref="SampleException"/> messages. Kept apart from the decoding loops so that
/// those stay small and message text is only built when something is wrong.
/// </summary>
internal static class SampleErrors
{
    public static string ExpectedShape(TensorSpec spec, bool sampleMode)
    {
        var text = $"{spec.DataType.ToWireName()} of shape {spec.ShapeText}";
        if (!sampleMode)
        {
            return text;
        }
        if (spec.Rank == 0)
        {
            return text + " (a scalar)";
        }
        return text + " (one instance: " + InstanceShapeText(spec) + ")";
    }

    public static SampleException RankMismatch(TensorSpec spec, bool sampleMode, JsonElement value) =>
        new($"input '{spec.Name}': expected {ExpectedShape(spec, sampleMode)}, got {JsonValueDescriber.DescribeNested(value)}", spec.Name);

    public static SampleException EmptyBatch(TensorSpec spec) =>
        new($"input '{spec.Name}': expected {ExpectedShape(spec, sampleMode: true)}, got an empty list (no rows)", spec.Name);

    public static SampleException FixedRowCountForInstance(TensorSpec spec) =>
        new($"input '{spec.Name}': expected {ExpectedShape(spec, sampleMode: true)}, got one instance but the model takes exactly {spec.Shape[0]} rows", spec.Name);

    public static SampleException FixedDimensionMismatch(in DecodeContext context, int valueAxis, long actual) =>
        new($"input '{context.Name}': expected {ExpectedShape(context.Spec, context.SampleMode)}, got a list of {actual} at {JsonValueDescriber.FirstItemPath(context.Name, valueAxis)}", context.Name);

    public static SampleException TooLarge(TensorSpec spec, long elementCount) =>
        new($"input '{spec.Name}': {elementCount} elements is more than one tensor can hold", spec.Name);

    /// <summary>A list of the wrong length, or a scalar where a list belongs, or a list where a scalar belongs.</summary>
    public static SampleException ShapeAt(in DecodeContext context, JsonElement element, ReadOnlySpan<int> path, ReadOnlySpan<long> valueDims)
    {
        var depth = path.Length;
        var message = $"input '{context.Name}': expected {ExpectedShape(context.Spec, context.SampleMode)}, got {JsonValueDescriber.Describe(element)} at {JsonValueDescriber.Path(context.Name, path)}";
        var raggedOnDynamicAxis = depth > 0 && depth < valueDims.Length && element.ValueKind == JsonValueKind.Array
            && context.Spec.Shape[context.SpecAxis(depth)] < 0;
        if (raggedOnDynamicAxis)
        {
            message += $", but {JsonValueDescriber.FirstItemPath(context.Name, depth)} is a list of {valueDims[depth]} (nested lists must be rectangular)";
        }
        return new SampleException(message, context.Name);
    }

    public static SampleException Element(in DecodeContext context, JsonElement element, ReadOnlySpan<int> path, ReadOnlySpan<long> valueDims, ConversionFailure failure)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return ShapeAt(context, element, path, valueDims);
        }
        var type = context.Spec.DataType;
        var wireName = type.ToWireName();
        var at = JsonValueDescriber.Path(context.Name, path);
        var got = JsonValueDescriber.Describe(element);
        var message = failure switch
        {
            ConversionFailure.InvalidBase64 => $"input '{context.Name}': the \"b64\" value at {at} is not valid base64",
            ConversionFailure.NotIntegral => $"input '{context.Name}': expected an integer for {wireName} at {at}, got {got}",
            ConversionFailure.OutOfRange when type.IsInteger() =>
                $"input '{context.Name}': expected an integer in {IntegerRangeText(type)} for {wireName} at {at}, got {got}",
            ConversionFailure.OutOfRange =>
                $"input '{context.Name}': expected a number within the range of {wireName} (±{FloatingPointMaximumText(type)}) at {at}, got {got}",
            _ => $"input '{context.Name}': expected {Expectation(type)} for {wireName} at {at}, got {got}",
        };
        return new SampleException(message, context.Name);
    }

    private static string InstanceShapeText(TensorSpec spec)
    {
        if (spec.Rank == 1)
        {
            return "a scalar";
        }
        var dims = new string[spec.Rank - 1];
        for (var i = 1; i < spec.Rank; i++)
        {
            dims[i - 1] = spec.Shape[i] < 0 ? "?" : spec.Shape[i].ToString(CultureInfo.InvariantCulture);
        }
        return "[" + string.Join(", ", dims) + "]";
    }

    private static string Expectation(TensorDataType type) => type switch
    {
        TensorDataType.Bool => "true, false, 0 or 1",
        TensorDataType.String => "a string or {\"b64\": \"...\"}",
        _ when type.IsInteger() => "an integer",
        _ => "a number",
    };

    private static string IntegerRangeText(TensorDataType type) => type switch
    {
        TensorDataType.Int8 => $"[{sbyte.MinValue}, {sbyte.MaxValue}]",
        TensorDataType.Int16 => $"[{short.MinValue}, {short.MaxValue}]",
        TensorDataType.Int32 => $"[{int.MinValue}, {int.MaxValue}]",
        TensorDataType.Int64 => $"[{long.MinValue}, {long.MaxValue}]",
        TensorDataType.UInt8 => $"[0, {byte.MaxValue}]",
        TensorDataType.UInt16 => $"[0, {ushort.MaxValue}]",
        TensorDataType.UInt32 => $"[0, {uint.MaxValue}]",
        _ => $"[0, {ulong.MaxValue}]",
    };

    private static string FloatingPointMaximumText(TensorDataType type) => type switch
    {
        TensorDataType.Float16 => ((float)Half.MaxValue).ToString(CultureInfo.InvariantCulture),
        TensorDataType.BFloat16 => ((float)BrainFloat16.FromBits(0x7F7F)).ToString(CultureInfo.InvariantCulture),
        TensorDataType.Float32 => float.MaxValue.ToString(CultureInfo.InvariantCulture),
        _ => double.MaxValue.ToString(CultureInfo.InvariantCulture),
    };
}
