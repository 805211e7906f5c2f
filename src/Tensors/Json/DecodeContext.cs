namespace Cortex.Queue.Tensors;

/// <summary>What a decode is checking against; carried along only so that an error can say what was expected.</summary>
internal readonly struct DecodeContext(TensorSpec spec, bool sampleMode, bool isInstance)
{
    public TensorSpec Spec { get; } = spec;

    /// <summary>True when parsing a request sample (instances allowed), false when reading a whole tensor.</summary>
    public bool SampleMode { get; } = sampleMode;

    public bool IsInstance { get; } = isInstance;

    public string Name => Spec.Name;

    /// <summary>The signature axis that a value axis stands for: an instance has no batch axis of its own.</summary>
    public int SpecAxis(int valueAxis) => IsInstance ? valueAxis + 1 : valueAxis;
}
