namespace Cortex.Queue.Ingress.Warmup;

/// <summary>A request the ingress sends to itself at start, so its reply queue exists before the first real request.</summary>
public sealed record IngressPing(string Nonce);
