using System.Diagnostics;
using System.Text.Json;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Metrics;
using Cortex.Queue.Tensors;
using Cortex.Queue.Ingress.Queueing;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>
/// One sample through the queue: validate against the signature the workers announced (so a bad sample is
/// refused before it costs a queue hop), send, wait for the reply, and record the metrics.
/// </summary>
public sealed partial class PredictionService(PredictionDispatcher dispatcher, IngressOptions options, CortexMetrics metrics, RefusalEvents refusals, ILogger<PredictionService> logger)
{
    public async Task<PredictionOutcome> PredictAsync(ApiState api, JsonElement sample, string requestId, bool debug, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunAsync(api, sample, requestId, debug, cancellationToken).ConfigureAwait(false);
        metrics.RecordRequest(api.Name, outcome.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!outcome.Succeeded && outcome.WorkerId is null)
        {
            // No worker answered this one (refused here, or timed out): no worker will record it either.
            refusals.Record(api, requestId, outcome.StatusCode, started);
        }
        return outcome;
    }

    /// <summary>Counts a request refused before it reached <see cref="PredictAsync"/> (unreadable or oversized body).</summary>
    public void RecordRefused(ApiState api, string requestId, int statusCode, long startedTimestamp)
    {
        metrics.RecordRequest(api.Name, statusCode, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        refusals.Record(api, requestId, statusCode, startedTimestamp);
    }

    /// <summary>
    /// Checks a sample against the announced signature; null when it fits, no signature is known yet, or the API has a
    /// request handler (whose pre_inference may turn any JSON into the model's inputs: the worker checks its result).
    /// </summary>
    public static string? Validate(ApiState api, JsonElement sample)
    {
        if (api.Signature is not { } signature || api.Config.Model.RequestHandler is not null)
        {
            return null;
        }
        try
        {
            SampleParser.Validate(sample, signature);
            return null;
        }
        catch (SampleException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>
    /// What goes on the queue for a sample: its tensors when it could be read here against the announced signature (the
    /// worker then has no JSON to read, and the message is smaller), else its JSON as the caller sent it (no signature
    /// yet, a request handler that may turn any JSON into the inputs, a debug request whose trace shows the JSON, a
    /// string input, or <see cref="IngressOptions.SamplesAsTensors"/> off); or the reason it does not fit.
    /// </summary>
    public static QueuedSampleBody Prepare(ApiState api, JsonElement sample, bool debug, bool samplesAsTensors)
    {
        if (!samplesAsTensors || debug || api.Signature is not { } signature || api.Config.Model.RequestHandler is not null)
        {
            return Validate(api, sample) is { } problem ? QueuedSampleBody.Refused(problem) : QueuedSampleBody.Json(sample);
        }
        try
        {
            var tensors = SampleTensorCodec.TryEncode(SampleParser.Parse(sample, signature));
            return tensors is null ? QueuedSampleBody.Json(sample) : QueuedSampleBody.Tensors(tensors);
        }
        catch (SampleException exception)
        {
            return QueuedSampleBody.Refused(exception.Message);
        }
    }

    private async Task<PredictionOutcome> RunAsync(ApiState api, JsonElement sample, string requestId, bool debug, CancellationToken cancellationToken)
    {
        var body = Prepare(api, sample, debug, options.SamplesAsTensors);
        if (body.Problem is { } problem)
        {
            return new PredictionOutcome(400, null, problem, null);
        }
        try
        {
            var reply = await dispatcher.PredictAsync(api, body, requestId, debug, cancellationToken).ConfigureAwait(false);
            metrics.RecordBatch(api.Name, reply.BatchSize, reply.QueueWaitMilliseconds);
            return new PredictionOutcome(reply.StatusCode, reply.ResultJson, reply.Error, reply.DebugJson, WorkerId: reply.WorkerId);
        }
        catch (BacklogFullException exception)
        {
            return new PredictionOutcome(429, null, exception.Message, null, TimeSpan.FromSeconds(1));
        }
        catch (PredictQueueUnavailableException exception)
        {
            LogUnavailable(logger, api.Name, requestId, exception.Message);
            return new PredictionOutcome(503, null, $"API '{api.Name}' could not be reached: {exception.Message}", null, TimeSpan.FromSeconds(1));
        }
        catch (PredictionTimeoutException)
        {
            LogTimeout(logger, api.Name, requestId, api.Config.Timeout.TotalSeconds);
            var hint = api.LiveWorkers(TimeSpan.FromSeconds(30)) == 0 ? " (no worker of this API is running)" : "";
            return new PredictionOutcome(504, null, $"API '{api.Name}' did not answer within its timeout of {api.Config.Timeout.TotalSeconds:0.###} s{hint}", null, api.Config.Timeout);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api}: request {RequestId} not queued: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string api, string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api}: request {RequestId} timed out after {Seconds} s")]
    private static partial void LogTimeout(ILogger logger, string api, string requestId, double seconds);
}
