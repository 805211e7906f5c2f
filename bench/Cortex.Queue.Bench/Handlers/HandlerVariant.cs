namespace Cortex.Queue.Bench.Handlers;

/// <summary>One API of the handler benchmark: the iris model with no handler, a post_inference only, or both stages.</summary>
public sealed record HandlerVariant(string Title, string ApiName, IReadOnlyList<byte[]> Bodies);
