namespace Cortex.Queue.Bench.Setup;

/// <summary>
/// CPU milliseconds used by the benchmark process, the worker process (when the worker runs apart) and the broker
/// (when it could be found); a difference of two readings is what one measured segment cost.
/// </summary>
public readonly record struct CpuReading(double ProcessMs, double? WorkerMs, double? BrokerMs)
{
    public static CpuReading Zero => new(0, null, null);

    public static CpuReading Take(int? workerProcessId, int? brokerProcessId) => new(
        ProcessCpu.Milliseconds(Environment.ProcessId) ?? 0,
        workerProcessId is { } worker ? ProcessCpu.Milliseconds(worker) : null,
        brokerProcessId is { } broker ? ProcessCpu.Milliseconds(broker) : null);

    public static CpuReading operator -(CpuReading after, CpuReading before) => new(
        after.ProcessMs - before.ProcessMs,
        after.WorkerMs - before.WorkerMs,
        after.BrokerMs - before.BrokerMs);

    public static CpuReading operator +(CpuReading left, CpuReading right) => new(
        left.ProcessMs + right.ProcessMs,
        Add(left.WorkerMs, right.WorkerMs),
        Add(left.BrokerMs, right.BrokerMs));

    public CpuReading PerRequest(long requests) => requests <= 0
        ? new CpuReading(double.NaN, null, null)
        : new CpuReading(ProcessMs / requests, WorkerMs / requests, BrokerMs / requests);

    /// <summary>Everything counted: process, worker and broker.</summary>
    public double TotalMs => ProcessMs + (WorkerMs ?? 0) + (BrokerMs ?? 0);

    private static double? Add(double? left, double? right) => left is null && right is null ? null : (left ?? 0) + (right ?? 0);
}
