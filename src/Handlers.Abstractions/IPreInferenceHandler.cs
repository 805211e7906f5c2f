using System.Text.Json.Nodes;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Handlers;

/// <summary>Reshapes a request's sample into what the model takes, before it joins a batch.</summary>
public interface IPreInferenceHandler : IRequestHandler
{
    /// <summary>
    /// Turns the request's JSON body into the model's inputs.
    /// </summary>
    /// <param name="sample">The request body as sent (null for a JSON <c>null</c>).</param>
    /// <param name="signature">The served model's inputs and outputs (names, dtypes, shapes with -1 for a free axis).</param>
    /// <param name="metadata">The API's <c>metadata:</c> block.</param>
    /// <returns>
    /// What the model takes, in the shape a request without a handler would have: an object keyed by input name
    /// (a <see cref="JsonObject"/>, a dictionary, an anonymous or plain object), or for a model with one input its bare
    /// value (a nested array or list of numbers, strings or booleans). It is serialised with System.Text.Json and then
    /// checked against the signature like any sample.
    /// </returns>
    object? PreInference(JsonNode? sample, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata);
}
