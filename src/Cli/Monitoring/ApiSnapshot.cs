namespace Cortex.Queue.Cli.Monitoring;

/// <summary>An API and its metrics at one moment; <see cref="Metrics"/> is null when the ingress has none for it.</summary>
public sealed record ApiSnapshot(ApiSummary Summary, ApiMetrics? Metrics);
