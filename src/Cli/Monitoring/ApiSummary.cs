namespace Cortex.Queue.Cli.Monitoring;

/// <summary>One API as <c>GET /apis</c> lists it.</summary>
/// <param name="Workers">Live workers the ingress knows from heartbeats.</param>
/// <param name="RequestedReplicas">Replicas asked for, when the ingress knows it (absent in embedded mode).</param>
/// <param name="LastUpdate">Last heartbeat or deploy time.</param>
public sealed record ApiSummary(
    string Name,
    string Endpoint,
    string? Model,
    string? ModelKind,
    int? Workers,
    int? RequestedReplicas,
    DateTimeOffset? LastUpdate,
    ApiTrackerSummary? Tracker)
{
    public ReplicaCounts Replicas => new(RequestedReplicas, Workers);
}
