namespace Cortex.Queue.Contracts;

/// <summary>Message headers shared by the ingress, the workers and raw AMQP clients.</summary>
public static class CortexHeaders
{
    /// <summary>"true" asks the worker to log and return the four stages of the request.</summary>
    public const string Debug = "cortex-debug";

    /// <summary>The request id the ingress gave the caller; raw AMQP clients use the AMQP message_id instead.</summary>
    public const string RequestId = "cortex-request-id";

    /// <summary>Set on asynchronous submissions: the id under which the result is stored.</summary>
    public const string AsyncId = "cortex-async-id";

    /// <summary>When the ingress accepted the request (Unix milliseconds), to measure queue wait.</summary>
    public const string EnqueuedAt = "cortex-enqueued-at";

    /// <summary>On a reply to a raw AMQP client: the HTTP status code the endpoint would have answered with.</summary>
    public const string Status = "cortex-status";

    /// <summary>On a message moved to an <c>_error</c> queue: why it could not be handled.</summary>
    public const string Error = "cortex-error";
}
