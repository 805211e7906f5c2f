namespace Cortex.Queue.Deploy.Cluster;

/// <summary>Everything a deploy did: per object in apply order, then per API.</summary>
public sealed record ApplyReport(IReadOnlyList<AppliedObject> Objects, IReadOnlyList<ApiRolloutResult> Apis);
