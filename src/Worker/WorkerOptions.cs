namespace Cortex.Queue.Worker;

/// <summary>Bound from the "Worker" section (env <c>Worker__Api</c>, ...).</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Path of the cortex.yaml (or its folder). Env <c>CORTEX_CONFIG</c> also sets it.</summary>
    public string Config { get; set; } = "cortex.yaml";

    /// <summary>The API this worker serves; null serves every API of the file (what <c>cortex up</c> does).</summary>
    public string? Api { get; set; }

    /// <summary>Identifies this replica in heartbeats and replies; defaults to host name and process id.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How often a ready worker tells the ingresses it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Each stage printed by <c>?debug=true</c> is cut to this many characters.</summary>
    public int DebugTruncateLength { get; set; } = 2000;

    /// <summary>Batches prefetched from the queue while one runs; prefetch = max_batch_size × this.</summary>
    public int PrefetchBatches { get; set; } = 4;

    /// <summary>Prediction events held for publishing while the broker is slow or away; beyond this, new ones are dropped.</summary>
    public int TrackingBufferSize { get; set; } = 100_000;

    /// <summary>
    /// How long prediction events gather before they are published (unless a full message's worth is already
    /// waiting). Monitoring is not in a hurry, and fewer, fuller messages cost the broker and the tracker less than
    /// a message for every few events. Default 100 ms.
    /// </summary>
    public TimeSpan TrackingPublishInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
