namespace Cortex.Queue.Deploy.Cluster;

/// <summary>The summary line of one API after a deploy.</summary>
public sealed record ApiRolloutResult(string Api, ApiRollout Rollout)
{
    public string Text => Rollout switch
    {
        ApiRollout.Started => "deployment started",
        ApiRollout.Updated => "deployment updated",
        _ => "is up-to-date",
    };
}
