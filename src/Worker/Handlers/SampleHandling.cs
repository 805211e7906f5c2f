using System.Text.Json;
using Cortex.Queue.Handlers.Invocation;
using Cortex.Queue.Tensors;
using Cortex.Queue.Worker.Batching;
using Cortex.Queue.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Handlers;

/// <summary>
/// One sample's way through its API's request handler: <c>pre_inference</c> before the sample joins a batch,
/// <c>post_inference</c> after the batch is split, and the JSON of both stages for <c>?debug=true</c>.
/// </summary>
/// <remarks>
/// Both stages run on the sample's own task rather than on the batch loop: handlers of different samples then run in
/// parallel, an async handler waiting on I/O never holds up the model, and a handler that throws fails only its own
/// sample because it never reaches the batch (pre) or has already left it (post).
/// </remarks>
public sealed partial class SampleHandling(ServedApi api, string requestId, bool debug, ILogger logger)
{
    /// <summary>The value <c>pre_inference</c> returned, kept only for a debug request.</summary>
    public string? PreInferenceJson { get; private set; }

    /// <summary>The value <c>post_inference</c> returned, kept only for a debug request.</summary>
    public string? PostInferenceJson { get; private set; }

    /// <summary>The 406 a failed handler stage answers, in Cortex's words.</summary>
    public static SampleOutcome Failed(RequestHandlerException exception) =>
        SampleOutcome.Failed(406, $"prediction failed: {exception.Message}");

    /// <summary>Runs <c>pre_inference</c> when the API has one, then reads the result against the model's signature.</summary>
    /// <exception cref="RequestHandlerException">The handler failed on this sample (logged here with its stack trace).</exception>
    /// <exception cref="SampleException">The sample, or what pre_inference made of it, does not fit the model.</exception>
    public async ValueTask<ParsedSample> ParseAsync(JsonElement sample)
    {
        if (api.Handler is not { HasPreInference: true } handler)
        {
            return SampleParser.Parse(sample, api.Model.Signature);
        }
        JsonElement modelInput;
        try
        {
            modelInput = await handler.PreInferenceAsync(sample, api.Model.Signature, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestHandlerException exception)
        {
            LogHandlerFailed(logger, api.Config.Name, requestId, exception.Message, exception.InnerException ?? exception);
            throw;
        }
        if (debug)
        {
            PreInferenceJson = modelInput.GetRawText();
        }
        try
        {
            return SampleParser.Parse(modelInput, api.Model.Signature);
        }
        catch (SampleException exception)
        {
            throw new SampleException($"the value pre_inference ({handler.DisplayName}) returned does not fit the model: {exception.Message}", exception.InputName);
        }
    }

    /// <summary>Runs <c>post_inference</c> on a successful outcome when the API has one; a failing handler turns it into a 406.</summary>
    public async ValueTask<SampleOutcome> PostInferenceAsync(SampleOutcome outcome)
    {
        if (!outcome.Succeeded || outcome.ResultJson is null || api.Handler is not { HasPostInference: true } handler)
        {
            return outcome;
        }
        // A sample's outcome arrives inline on the batch loop (see PendingSample); user code must not run there.
        await Task.Yield();
        try
        {
            var response = await handler.PostInferenceAsync(outcome.ResultJson, api.Model.Signature, CancellationToken.None).ConfigureAwait(false);
            if (debug)
            {
                PostInferenceJson = response;
            }
            return outcome with { ResultJson = response };
        }
        catch (RequestHandlerException exception)
        {
            LogHandlerFailed(logger, api.Config.Name, requestId, exception.Message, exception.InnerException ?? exception);
            // The model did answer: a debug trace still shows its output beside the failure.
            return outcome with { StatusCode = 406, ResultJson = null, Error = $"prediction failed: {exception.Message}" };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api} request {RequestId}: prediction failed: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string api, string requestId, string reason, Exception exception);
}
