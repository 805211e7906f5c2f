namespace Cortex.Queue.Handlers.Compilation;

/// <summary>One .cs file of a handler build: where it is, and how errors name it (relative to the handler's folder).</summary>
public sealed record HandlerSourceFile(string FullPath, string DisplayPath);
