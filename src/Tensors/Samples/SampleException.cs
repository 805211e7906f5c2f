namespace Cortex.Queue.Tensors;

/// <summary>
/// A request sample that does not fit the model's signature. The message is written for the API's user
/// (it becomes the body of a 400): it names the input, the expected dtype and shape, and what came.
/// </summary>
public sealed class SampleException : Exception
{
    public SampleException(string message)
        : base(message)
    {
    }

    public SampleException(string message, string? inputName)
        : base(message)
    {
        InputName = inputName;
    }

    /// <summary>The input the problem is about, when there is one (an unknown key counts as its own name).</summary>
    public string? InputName { get; }
}
