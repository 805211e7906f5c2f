using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// The one place where a JSON value becomes tensor data. It measures the value's shape by following first items,
/// decides whether it is an instance or a batch, checks the signature's fixed dimensions, then walks the value once,
/// checking that every list has the measured length and converting each leaf straight into a typed array.
/// With <c>materialize: false</c> the same walk runs without allocating any tensor (request validation).
/// </summary>
internal static class NestedListDecoder
{
    // Deeper values than this are rare enough to take a heap buffer for their dimensions.
    private const int MaxStackRank = 16;

    public static Tensor? Decode(JsonElement value, TensorSpec spec, bool sampleMode, bool materialize, out ValueLayout layout, out int rows)
    {
        var rank = spec.Rank;
        Span<long> measured = rank <= MaxStackRank ? stackalloc long[rank] : new long[rank];
        var depth = Measure(value, measured, out var endedOnEmptyList);

        int valueRank;
        if (rank == 0)
        {
            if (depth != 0)
            {
                throw SampleErrors.RankMismatch(spec, sampleMode, value);
            }
            layout = ValueLayout.Scalar;
            valueRank = 0;
        }
        else if (depth == rank)
        {
            layout = ValueLayout.Batch;
            valueRank = rank;
        }
        else if (sampleMode && depth == rank - 1)
        {
            layout = ValueLayout.Instance;
            valueRank = rank - 1;
        }
        else if (!sampleMode && endedOnEmptyList && depth < rank)
        {
            // A whole tensor with a zero-length axis cannot show its inner dimensions; take them from the
            // signature (or 0 where it leaves them open): the tensor is empty either way.
            for (var axis = depth; axis < rank; axis++)
            {
                measured[axis] = Math.Max(spec.Shape[axis], 0);
            }
            layout = ValueLayout.Batch;
            valueRank = rank;
        }
        else
        {
            throw SampleErrors.RankMismatch(spec, sampleMode, value);
        }

        var context = new DecodeContext(spec, sampleMode, layout == ValueLayout.Instance);
        ReadOnlySpan<long> valueDims = measured[..valueRank];
        CheckFixedDimensions(context, valueDims);

        rows = layout == ValueLayout.Batch ? checked((int)valueDims[0]) : 1;
        if (sampleMode && layout == ValueLayout.Batch && rows == 0)
        {
            throw SampleErrors.EmptyBatch(spec);
        }

        if (!materialize)
        {
            ReadElements(value, valueDims, count: 0, materialize: false, context);
            return null;
        }

        var shape = new long[rank];
        if (layout == ValueLayout.Instance)
        {
            shape[0] = 1;
            valueDims.CopyTo(shape.AsSpan(1));
        }
        else
        {
            valueDims.CopyTo(shape);
        }
        var count = Tensor.ElementCount(shape);
        if (count > Array.MaxLength)
        {
            throw SampleErrors.TooLarge(spec, count);
        }
        var data = ReadElements(value, valueDims, (int)count, materialize: true, context)!;
        return new Tensor(spec.DataType, shape, data);
    }

    /// <summary>Depth of list nesting along first items, recording up to <paramref name="dims"/>.Length lengths.</summary>
    private static int Measure(JsonElement value, Span<long> dims, out bool endedOnEmptyList)
    {
        endedOnEmptyList = false;
        var depth = 0;
        var cursor = value;
        while (cursor.ValueKind == JsonValueKind.Array)
        {
            var length = cursor.GetArrayLength();
            if (depth < dims.Length)
            {
                dims[depth] = length;
            }
            depth++;
            if (length == 0)
            {
                endedOnEmptyList = true;
                break;
            }
            cursor = cursor[0];
        }
        return depth;
    }

    private static void CheckFixedDimensions(in DecodeContext context, ReadOnlySpan<long> valueDims)
    {
        var specShape = context.Spec.Shape;
        if (context.IsInstance && specShape[0] >= 0 && specShape[0] != 1)
        {
            throw SampleErrors.FixedRowCountForInstance(context.Spec);
        }
        for (var axis = 0; axis < valueDims.Length; axis++)
        {
            var expected = specShape[context.SpecAxis(axis)];
            if (expected >= 0 && expected != valueDims[axis])
            {
                throw SampleErrors.FixedDimensionMismatch(context, axis, valueDims[axis]);
            }
        }
    }

    private static Array? ReadElements(JsonElement value, ReadOnlySpan<long> dims, int count, bool materialize, in DecodeContext context) =>
        context.Spec.DataType switch
        {
            TensorDataType.Float32 => ReadTyped<float, Float32Converter>(value, dims, count, materialize, context),
            TensorDataType.Float64 => ReadTyped<double, Float64Converter>(value, dims, count, materialize, context),
            TensorDataType.Float16 => ReadTyped<Half, Float16Converter>(value, dims, count, materialize, context),
            TensorDataType.BFloat16 => ReadTyped<BrainFloat16, BrainFloat16Converter>(value, dims, count, materialize, context),
            TensorDataType.Int8 => ReadTyped<sbyte, IntegerConverter<sbyte>>(value, dims, count, materialize, context),
            TensorDataType.Int16 => ReadTyped<short, IntegerConverter<short>>(value, dims, count, materialize, context),
            TensorDataType.Int32 => ReadTyped<int, IntegerConverter<int>>(value, dims, count, materialize, context),
            TensorDataType.Int64 => ReadTyped<long, IntegerConverter<long>>(value, dims, count, materialize, context),
            TensorDataType.UInt8 => ReadTyped<byte, IntegerConverter<byte>>(value, dims, count, materialize, context),
            TensorDataType.UInt16 => ReadTyped<ushort, IntegerConverter<ushort>>(value, dims, count, materialize, context),
            TensorDataType.UInt32 => ReadTyped<uint, IntegerConverter<uint>>(value, dims, count, materialize, context),
            TensorDataType.UInt64 => ReadTyped<ulong, IntegerConverter<ulong>>(value, dims, count, materialize, context),
            TensorDataType.Bool => ReadTyped<bool, BooleanConverter>(value, dims, count, materialize, context),
            TensorDataType.String => ReadStrings(value, dims, count, materialize, context),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.Spec.DataType, "unknown tensor data type"),
        };

    private static T[]? ReadTyped<T, TConverter>(JsonElement value, ReadOnlySpan<long> dims, int count, bool materialize, in DecodeContext context)
        where TConverter : struct, IJsonScalarConverter<T>
    {
        var sink = new ArraySink<T, TConverter>(materialize ? GC.AllocateUninitializedArray<T>(count) : null);
        Walk(ref sink, value, dims, context);
        return sink.Destination;
    }

    private static Array? ReadStrings(JsonElement value, ReadOnlySpan<long> dims, int count, bool materialize, in DecodeContext context)
    {
        var sink = new StringSink(count, materialize);
        Walk(ref sink, value, dims, context);
        return sink.Result;
    }

    private static void Walk<TSink>(ref TSink sink, JsonElement value, ReadOnlySpan<long> dims, in DecodeContext context)
        where TSink : struct, IElementSink
    {
        if (dims.Length == 0)
        {
            if (!sink.TryWrite(value, 0, out var failure))
            {
                throw SampleErrors.Element(context, value, [], dims, failure);
            }
            return;
        }
        Span<int> path = dims.Length <= MaxStackRank ? stackalloc int[dims.Length] : new int[dims.Length];
        var index = 0;
        WalkList(ref sink, value, dims, 0, path, ref index, context);
    }

    private static void WalkList<TSink>(ref TSink sink, JsonElement list, ReadOnlySpan<long> dims, int depth, Span<int> path, ref int index, in DecodeContext context)
        where TSink : struct, IElementSink
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() != dims[depth])
        {
            throw SampleErrors.ShapeAt(context, list, path[..depth], dims);
        }
        var position = 0;
        if (depth == dims.Length - 1)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (!sink.TryWrite(item, index, out var failure))
                {
                    path[depth] = position;
                    throw SampleErrors.Element(context, item, path[..(depth + 1)], dims, failure);
                }
                index++;
                position++;
            }
            return;
        }
        foreach (var item in list.EnumerateArray())
        {
            path[depth] = position++;
            WalkList(ref sink, item, dims, depth + 1, path, ref index, context);
        }
    }
}
