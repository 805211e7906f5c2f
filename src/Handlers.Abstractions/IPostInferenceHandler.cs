using System.Text.Json.Nodes;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Handlers;

/// <summary>Turns the model's prediction for one request into that request's response, after its batch ran.</summary>
public interface IPostInferenceHandler : IRequestHandler
{
    /// <summary>
    /// Turns the model's outputs for this request into the response body.
    /// </summary>
    /// <param name="prediction">
    /// The model's outputs for this request as JSON, exactly what the API returns without a handler: an object keyed
    /// by output name, e.g. <c>{"class_index": 0, "probabilities": [0.99, 0.01, 0.0]}</c>.
    /// </param>
    /// <param name="signature">The served model's inputs and outputs.</param>
    /// <param name="metadata">The API's <c>metadata:</c> block.</param>
    /// <returns>Any value System.Text.Json can serialise (a string, a number, a <see cref="JsonNode"/>, a record, ...); it becomes the response body.</returns>
    object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata);
}
