namespace Cortex.Queue.Tensors;

/// <summary>What a served model takes and returns: the selected signature's key, inputs and outputs.</summary>
public sealed record ModelSignature(string Key, IReadOnlyList<TensorSpec> Inputs, IReadOnlyList<TensorSpec> Outputs)
{
    public TensorSpec? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}
