namespace Cortex.Queue.Storage;

/// <summary>How often one class was predicted in the window.</summary>
public sealed record ClassCount(string Class, long Count);
