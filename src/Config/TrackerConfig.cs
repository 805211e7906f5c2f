namespace Cortex.Queue.Config;

/// <summary>The <c>tracker:</c> block: which response value to record and how to aggregate it.</summary>
public sealed record TrackerConfig(string? Key, TrackerModelType ModelType);
