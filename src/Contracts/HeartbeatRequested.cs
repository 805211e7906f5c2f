namespace Cortex.Queue.Contracts;

/// <summary>Published by an ingress at start so workers that were already running announce themselves at once.</summary>
public sealed record HeartbeatRequested(string IngressId);
