namespace Cortex.Queue.Runtime;

/// <summary>A model could not be loaded; the message says what and where, ready to show a user.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
