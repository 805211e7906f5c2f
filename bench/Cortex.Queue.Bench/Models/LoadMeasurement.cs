namespace Cortex.Queue.Bench.Models;

/// <summary>One model load in a fresh process: the load call, the first run after it, and whether the lowering came from the cache.</summary>
public sealed record LoadMeasurement(double LoadMs, double FirstRunMs, bool FromCache);
