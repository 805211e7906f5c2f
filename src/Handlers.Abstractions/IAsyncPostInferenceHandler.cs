using System.Text.Json.Nodes;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Handlers;

/// <summary>The asynchronous form of <see cref="IPostInferenceHandler"/>.</summary>
/// <remarks>A class implements either this or <see cref="IPostInferenceHandler"/>; if both, this one is used.</remarks>
public interface IAsyncPostInferenceHandler : IRequestHandler
{
    /// <summary>See <see cref="IPostInferenceHandler.PostInference"/>.</summary>
    /// <param name="prediction">The model's outputs for this request, an object keyed by output name.</param>
    /// <param name="signature">The served model's inputs and outputs.</param>
    /// <param name="metadata">The API's <c>metadata:</c> block.</param>
    /// <param name="cancellationToken">Cancelled when the worker shuts down.</param>
    ValueTask<object?> PostInferenceAsync(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata, CancellationToken cancellationToken);
}
