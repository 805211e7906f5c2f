namespace Cortex.Queue.Storage;

/// <summary>
/// What <c>GET {endpoint}/async/{id}</c> reports. <paramref name="ResultJson"/> is the prediction exactly as the
/// worker serialised it (written into the response verbatim); <paramref name="Timestamp"/> is when the status
/// last changed, in UTC, to the millisecond.
/// </summary>
public sealed record AsyncResult(
    string Id,
    string Api,
    AsyncStatus Status,
    string? ResultJson,
    string? Error,
    DateTimeOffset Timestamp);
