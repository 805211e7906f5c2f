using System.Text;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Turns many parsed samples into one model batch and the model's outputs back into per-sample results.
/// Rows keep their order: sample i owns the rows after those of samples 0..i-1.
/// </summary>
public static class TensorBatch
{
    /// <summary>
    /// Concatenates the samples' tensors along axis 0 per input. Samples must be stackable together (same dims
    /// beyond the batch axis, no rank-0 inputs when there is more than one sample): see <see cref="PartitionStackable"/>.
    /// A single sample's tensors are returned as they are.
    /// </summary>
    public static IReadOnlyDictionary<string, Tensor> Stack(IReadOnlyList<ParsedSample> samples, ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(signature);
        if (samples.Count == 0)
        {
            throw new ArgumentException("there are no samples to stack", nameof(samples));
        }
        if (samples.Count == 1)
        {
            return samples[0].Inputs;
        }
        var stacked = new Dictionary<string, Tensor>(signature.Inputs.Count, StringComparer.Ordinal);
        foreach (var spec in signature.Inputs)
        {
            if (spec.Rank == 0)
            {
                throw new InvalidOperationException(
                    $"input '{spec.Name}' is a scalar (shape []), so its samples cannot be stacked; run them one at a time");
            }
            stacked[spec.Name] = StackInput(samples, spec.Name);
        }
        return stacked;
    }

    /// <summary>
    /// Groups sample indices (in order) into runs that <see cref="Stack"/> accepts together: same dimensions beyond the
    /// batch axis for every input. A signature with a rank-0 input puts every sample in its own group.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> PartitionStackable(IReadOnlyList<ParsedSample> samples, ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(signature);
        var hasScalarInput = false;
        foreach (var spec in signature.Inputs)
        {
            hasScalarInput |= spec.Rank == 0;
        }
        var groups = new List<List<int>>();
        for (var i = 0; i < samples.Count; i++)
        {
            List<int>? home = null;
            if (!hasScalarInput)
            {
                foreach (var group in groups)
                {
                    if (HaveSameRowShapes(samples[group[0]], samples[i], signature))
                    {
                        home = group;
                        break;
                    }
                }
            }
            if (home is null)
            {
                home = [];
                groups.Add(home);
            }
            home.Add(i);
        }
        return groups;
    }

    /// <summary>
    /// Splits model outputs back per sample by the samples' row counts. An output whose first dimension is not the
    /// total row count (a scalar, or an output without a batch axis) is given whole to every sample.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, Tensor>> Split(IReadOnlyDictionary<string, Tensor> outputs, IReadOnlyList<int> rowsPerSample)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(rowsPerSample);
        long totalRows = 0;
        for (var i = 0; i < rowsPerSample.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rowsPerSample[i], nameof(rowsPerSample));
            totalRows += rowsPerSample[i];
        }
        var perSample = new Dictionary<string, Tensor>[rowsPerSample.Count];
        for (var i = 0; i < perSample.Length; i++)
        {
            perSample[i] = new Dictionary<string, Tensor>(outputs.Count, StringComparer.Ordinal);
        }
        foreach (var (name, output) in outputs)
        {
            var batched = output.Rank > 0 && output.Shape[0] == totalRows;
            if (!batched || perSample.Length == 1)
            {
                foreach (var sampleOutputs in perSample)
                {
                    sampleOutputs[name] = output;
                }
                continue;
            }
            var elementsPerRow = RowElementCount(output.Shape);
            long offset = 0;
            for (var i = 0; i < perSample.Length; i++)
            {
                var rows = rowsPerSample[i];
                var length = checked((int)(rows * elementsPerRow));
                var slice = TensorStorage.CreateLike(output.Data, length);
                Array.Copy(output.Data, offset, slice, 0, length);
                var shape = (long[])output.Shape.Clone();
                shape[0] = rows;
                perSample[i][name] = new Tensor(output.DataType, shape, slice);
                offset += length;
            }
        }
        return perSample;
    }

    private static Tensor StackInput(IReadOnlyList<ParsedSample> samples, string name)
    {
        var first = InputOf(samples[0], name);
        long totalRows = 0;
        var anyByteStrings = false;
        foreach (var sample in samples)
        {
            var tensor = InputOf(sample, name);
            if (tensor.DataType != first.DataType || !SameRowShape(tensor.Shape, first.Shape))
            {
                throw new InvalidOperationException(
                    $"input '{name}': cannot stack a {tensor.DataType.ToWireName()} [{string.Join(", ", tensor.Shape)}] with a {first.DataType.ToWireName()} [{string.Join(", ", first.Shape)}]; group samples with PartitionStackable first");
            }
            totalRows += tensor.Shape[0];
            anyByteStrings |= tensor.HoldsByteStrings;
        }
        var shape = (long[])first.Shape.Clone();
        shape[0] = totalRows;
        var length = checked((int)Tensor.ElementCount(shape));
        var data = anyByteStrings ? new byte[length][] : TensorStorage.CreateLike(first.Data, length);
        var offset = 0;
        foreach (var sample in samples)
        {
            var source = InputOf(sample, name).Data;
            if (anyByteStrings && source is string[] texts)
            {
                // A batch mixing text and byte strings is held as byte strings, like a single tensor would be.
                var bytes = (byte[][])data;
                for (var i = 0; i < texts.Length; i++)
                {
                    bytes[offset + i] = Encoding.UTF8.GetBytes(texts[i]);
                }
            }
            else
            {
                Array.Copy(source, 0, data, offset, source.Length);
            }
            offset += source.Length;
        }
        return new Tensor(first.DataType, shape, data);
    }

    private static Tensor InputOf(ParsedSample sample, string name) =>
        sample.Inputs.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidOperationException($"a sample has no tensor for input '{name}'");

    private static bool HaveSameRowShapes(ParsedSample left, ParsedSample right, ModelSignature signature)
    {
        foreach (var spec in signature.Inputs)
        {
            if (!left.Inputs.TryGetValue(spec.Name, out var a) || !right.Inputs.TryGetValue(spec.Name, out var b)
                || !SameRowShape(a.Shape, b.Shape))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Same rank and same dimensions after the batch axis.</summary>
    private static bool SameRowShape(long[] left, long[] right)
    {
        if (left.Length != right.Length || left.Length == 0)
        {
            return false;
        }
        return left.AsSpan(1).SequenceEqual(right.AsSpan(1));
    }

    private static long RowElementCount(long[] shape)
    {
        long count = 1;
        for (var axis = 1; axis < shape.Length; axis++)
        {
            count *= shape[axis];
        }
        return count;
    }
}
