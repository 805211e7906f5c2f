namespace Cortex.Queue.Cli.Monitoring;

/// <summary>The ingress's <c>GET /apis</c> answer: the deployment and each API it serves.</summary>
public sealed record ApiListing(string? Deployment, IReadOnlyList<ApiSummary> Apis);
