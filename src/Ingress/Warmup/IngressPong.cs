namespace Cortex.Queue.Ingress.Warmup;

public sealed record IngressPong(string Nonce);
