using System.Text.Json;
using Cortex.Queue.Contracts;
using Cortex.Queue.Handlers.Invocation;
using Cortex.Queue.Tensors;
using Cortex.Queue.Worker.Batching;
using Cortex.Queue.Worker.Handlers;
using Cortex.Queue.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>One sample's way through a worker, whichever message carried it: parse, wait for its batch, trace.</summary>
public static partial class SampleProcessor
{
    /// <summary>A coalesced group's member: its tensors when the ingress already read it, else its JSON.</summary>
    public static Task<PredictReply> ProcessAsync(ServedApi api, CoalescedSample sample, DateTimeOffset enqueuedAt, ILogger logger) =>
        sample.IsTensorBody
            ? ProcessTensorsAsync(api, sample.Body, sample.RequestId, enqueuedAt, logger)
            : ProcessAsync(api, sample.Body, sample.RequestId, sample.Debug, enqueuedAt, logger);

    /// <summary>
    /// A sample the ingress has read against the signature and sent as tensors (<see cref="SampleTensorCodec"/>): no
    /// JSON to read here, only a check that the tensors still fit this worker's model.
    /// </summary>
    public static async Task<PredictReply> ProcessTensorsAsync(ServedApi api, byte[] body, string requestId, DateTimeOffset enqueuedAt, ILogger logger)
    {
        var handling = new SampleHandling(api, requestId, debug: false, logger);
        var outcome = await RunAsync(api, handling, () => new ValueTask<ParsedSample>(DecodeTensors(api, body)), requestId, debug: false, enqueuedAt).ConfigureAwait(false);
        return Answer(api, requestId, enqueuedAt, outcome, debugJson: null);
    }

    /// <summary>A sample that arrived as raw UTF-8 JSON (a coalesced group's member): parsed here, once.</summary>
    public static async Task<PredictReply> ProcessAsync(ServedApi api, byte[] body, string requestId, bool debug, DateTimeOffset enqueuedAt, ILogger logger)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return new PredictReply(400, null, $"malformed JSON: {exception.Message}", null, 0, 0, 0, api.Options.WorkerId);
        }
        using (document)
        {
            return await ProcessAsync(api, document.RootElement, requestId, debug, enqueuedAt, logger).ConfigureAwait(false);
        }
    }

    public static async Task<PredictReply> ProcessAsync(ServedApi api, JsonElement sample, string requestId, bool debug, DateTimeOffset enqueuedAt, ILogger logger)
    {
        var handling = new SampleHandling(api, requestId, debug, logger);
        var outcome = await RunAsync(api, handling, () => handling.ParseAsync(sample), requestId, debug, enqueuedAt).ConfigureAwait(false);

        string? debugJson = null;
        if (debug)
        {
            debugJson = DebugTrace.Build(JsonSerializer.Serialize(sample), handling.PreInferenceJson, outcome.InferenceJson, handling.PostInferenceJson, api.Options.DebugTruncateLength);
            LogDebugTrace(logger, api.Config.Name, requestId, debugJson);
        }

        return Answer(api, requestId, enqueuedAt, outcome, debugJson);
    }

    /// <summary>Parse, wait for the sample's batch, post_inference; a sample that does not fit or a failing handler fails alone.</summary>
    private static async Task<SampleOutcome> RunAsync(ServedApi api, SampleHandling handling, Func<ValueTask<ParsedSample>> parse, string requestId, bool debug, DateTimeOffset enqueuedAt)
    {
        try
        {
            var parsed = await parse().ConfigureAwait(false);
            var outcome = await api.Batcher.SubmitAsync(new PendingSample(parsed, requestId, debug, enqueuedAt)).ConfigureAwait(false);
            return await handling.PostInferenceAsync(outcome).ConfigureAwait(false);
        }
        catch (SampleException exception)
        {
            return SampleOutcome.Failed(400, exception.Message);
        }
        catch (RequestHandlerException exception)
        {
            return SampleHandling.Failed(exception);
        }
    }

    private static ParsedSample DecodeTensors(ServedApi api, byte[] body)
    {
        try
        {
            return SampleTensorCodec.Decode(body, api.Model.Signature);
        }
        catch (FormatException exception)
        {
            throw new SampleException($"the sample's tensors cannot be read: {exception.Message}");
        }
    }

    private static PredictReply Answer(ServedApi api, string requestId, DateTimeOffset enqueuedAt, SampleOutcome outcome, string? debugJson)
    {
        var reply = new PredictReply(
            outcome.StatusCode,
            outcome.ResultJson,
            outcome.Error,
            debugJson,
            outcome.BatchSize,
            outcome.QueueWaitMilliseconds,
            outcome.InferenceMilliseconds,
            api.Options.WorkerId);
        api.Tracking?.Record(requestId, enqueuedAt, reply);
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api} request {RequestId} debug: {Trace}")]
    private static partial void LogDebugTrace(ILogger logger, string api, string requestId, string trace);
}
