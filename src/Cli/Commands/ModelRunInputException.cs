namespace Cortex.Queue.Cli.Commands;

/// <summary>The <c>--input</c> of <c>cortex model run</c> does not fit the model; the message is ready to show.</summary>
public sealed class ModelRunInputException(string message, Exception? inner = null) : Exception(message, inner);
