using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Handlers.Invocation;

/// <summary>
/// An API's request handler, created once and called for every sample. Each stage takes and returns JSON, so the
/// worker's sample path stays the same with or without a handler; a stage the class does not implement is absent
/// (<see cref="HasPreInference"/>, <see cref="HasPostInference"/>). Disposing unloads the handler's assembly.
/// </summary>
public sealed class LoadedRequestHandler : IDisposable
{
    private readonly object _instance;
    private readonly IReadOnlyDictionary<string, object?> _metadata;
    private readonly Action? _unload;

    // One serializer per handler, not a shared one: System.Text.Json caches per type, and a shared cache would keep
    // the handler's collectible assembly alive after its API stopped.
    private readonly JsonSerializerOptions _json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public LoadedRequestHandler(object instance, string displayName, IReadOnlyDictionary<string, object?> metadata, Action? unload = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance is not IRequestHandler)
        {
            throw new ArgumentException($"{instance.GetType().FullName} does not implement {nameof(IRequestHandler)}", nameof(instance));
        }
        _instance = instance;
        DisplayName = displayName;
        _metadata = metadata;
        _unload = unload;
    }

    /// <summary>The handler as the config names it (<c>handler.cs</c>), for errors.</summary>
    public string DisplayName { get; }

    public Type HandlerType => _instance.GetType();

    public bool HasPreInference => _instance is IPreInferenceHandler or IAsyncPreInferenceHandler;

    public bool HasPostInference => _instance is IPostInferenceHandler or IAsyncPostInferenceHandler;

    /// <summary>
    /// Runs <c>pre_inference</c> on one request body and returns what the model should take, as JSON for the
    /// sample parser. Without a pre_inference stage the sample is returned as is.
    /// </summary>
    /// <exception cref="RequestHandlerException">The handler threw, or returned something that is not JSON.</exception>
    public async ValueTask<JsonElement> PreInferenceAsync(JsonElement sample, ModelSignature signature, CancellationToken cancellationToken)
    {
        if (!HasPreInference)
        {
            return sample;
        }
        object? result;
        try
        {
            var node = JsonNode.Parse(sample.GetRawText());
            result = _instance is IAsyncPreInferenceHandler asynchronous
                ? await asynchronous.PreInferenceAsync(node, signature, _metadata, cancellationToken).ConfigureAwait(false)
                : ((IPreInferenceHandler)_instance).PreInference(node, signature, _metadata);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestHandlerException(RequestHandlerStage.PreInference, DisplayName, exception.Message, exception);
        }
        try
        {
            return JsonSerializer.SerializeToElement(result, result?.GetType() ?? typeof(object), _json);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new RequestHandlerException(RequestHandlerStage.PreInference, DisplayName, NotJson(result, exception), exception);
        }
    }

    /// <summary>
    /// Runs <c>post_inference</c> on the model's outputs for one request (the JSON an API without a handler returns)
    /// and gives the response body. Without a post_inference stage the outputs are returned as they are.
    /// </summary>
    /// <exception cref="RequestHandlerException">The handler threw, or returned something that is not JSON.</exception>
    public async ValueTask<string> PostInferenceAsync(string predictionJson, ModelSignature signature, CancellationToken cancellationToken)
    {
        if (!HasPostInference)
        {
            return predictionJson;
        }
        object? result;
        try
        {
            var node = JsonNode.Parse(predictionJson);
            result = _instance is IAsyncPostInferenceHandler asynchronous
                ? await asynchronous.PostInferenceAsync(node, signature, _metadata, cancellationToken).ConfigureAwait(false)
                : ((IPostInferenceHandler)_instance).PostInference(node, signature, _metadata);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestHandlerException(RequestHandlerStage.PostInference, DisplayName, exception.Message, exception);
        }
        try
        {
            return JsonSerializer.Serialize(result, result?.GetType() ?? typeof(object), _json);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new RequestHandlerException(RequestHandlerStage.PostInference, DisplayName, NotJson(result, exception), exception);
        }
    }

    public void Dispose() => _unload?.Invoke();

    private static string NotJson(object? result, Exception exception) =>
        $"returned a {result?.GetType().Name ?? "null"} that cannot be written as JSON: {exception.Message}";
}
