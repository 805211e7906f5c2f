using System.Text.Json.Nodes;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Handlers;

/// <summary>The asynchronous form of <see cref="IPreInferenceHandler"/>, for a stage that waits on I/O (a lookup, a download).</summary>
/// <remarks>A class implements either this or <see cref="IPreInferenceHandler"/>; if both, this one is used.</remarks>
public interface IAsyncPreInferenceHandler : IRequestHandler
{
    /// <summary>See <see cref="IPreInferenceHandler.PreInference"/>.</summary>
    /// <param name="sample">The request body as sent (null for a JSON <c>null</c>).</param>
    /// <param name="signature">The served model's inputs and outputs.</param>
    /// <param name="metadata">The API's <c>metadata:</c> block.</param>
    /// <param name="cancellationToken">Cancelled when the worker shuts down.</param>
    ValueTask<object?> PreInferenceAsync(JsonNode? sample, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata, CancellationToken cancellationToken);
}
