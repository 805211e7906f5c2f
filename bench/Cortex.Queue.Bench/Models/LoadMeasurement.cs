namespace Cortex.Queue.Bench.Models;

/// <summary>
/// One model load in a fresh process: the load call, the first run after it, whether the lowering came from the cache,
/// and the same load repeated in that process once it is warm (a cached load, since the first one filled the cache).
/// </summary>
public sealed record LoadMeasurement(double LoadMs, double FirstRunMs, bool FromCache, double WarmLoadMs);
