namespace Cortex.Queue.Tensors;

/// <summary>
/// One request sample as tensors, ready to be stacked with others. Every tensor of an input with a batch axis
/// has its rows on axis 0 (an instance was given a leading axis of 1); scalar inputs (rank 0) have no batch axis.
/// </summary>
public sealed class ParsedSample
{
    public ParsedSample(IReadOnlyDictionary<string, Tensor> inputs, int rows, bool isBatched)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Inputs = inputs;
        Rows = rows;
        IsBatched = isBatched;
    }

    public IReadOnlyDictionary<string, Tensor> Inputs { get; }

    /// <summary>How many rows this sample adds to a batch (1 for an instance).</summary>
    public int Rows { get; }

    /// <summary>
    /// True when the values came with the batch axis (a list of instances); the reply then keeps that axis.
    /// False for an instance, whose reply drops the leading axis again.
    /// </summary>
    public bool IsBatched { get; }
}
