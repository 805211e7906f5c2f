namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>A request body grew past <c>Ingress:MaxRequestBodyBytes</c> while it was read (<see cref="LimitedRequestBody"/>).</summary>
public sealed class RequestBodyTooLargeException(long maxBytes) : IOException($"request body is larger than the limit of {maxBytes} bytes");
