using Cortex.Queue.Bench.Load;
using Cortex.Queue.Bench.Setup;

namespace Cortex.Queue.Bench.Serving;

/// <summary>
/// One concurrency level of a serving scenario: the direct path and the queue path measured in interleaved segments,
/// what the ingress recorded about the queue path (queue wait, batch size per request, requests per message), and the RSS peaks seen while
/// the queue path was under load, and the CPU time each path used per answered request.
/// </summary>
public sealed record ConcurrencyResult(
    int Concurrency,
    LoadResult Direct,
    LoadResult Queue,
    DistributionSummary QueueWaitMs,
    DistributionSummary BatchSize,
    DistributionSummary MessageSamples,
    long? PeakProcessRss,
    long? PeakWorkerRss,
    CpuReading DirectCpuPerRequest,
    CpuReading QueueCpuPerRequest)
{
    public double ThroughputRatio => Direct.RequestsPerSecond > 0 ? Queue.RequestsPerSecond / Direct.RequestsPerSecond : double.NaN;

    public double P50DifferenceMs => Queue.P50 - Direct.P50;
}
