namespace Cortex.Queue.Cli.Monitoring;

/// <summary>An API's <c>tracker:</c> block as <c>GET /apis</c> reports it.</summary>
public sealed record ApiTrackerSummary(string? Key, string? ModelType);
