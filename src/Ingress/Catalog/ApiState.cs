using System.Collections.Concurrent;
using Cortex.Queue.Config;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Ingress.Catalog;

/// <summary>What this ingress knows of one API: its config, and from heartbeats its signature and live workers.</summary>
public sealed class ApiState(ApiConfig config)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _workers = new();
    private volatile ModelSignature? _signature;

    public ApiConfig Config { get; } = config;

    public string Name => Config.Name;

    /// <summary>Null until a worker announced itself; requests are then forwarded unvalidated (the worker checks them).</summary>
    public ModelSignature? Signature => _signature;

    public string? ModelDescription { get; private set; }

    public DateTimeOffset? LastHeartbeat { get; private set; }

    public void RecordHeartbeat(string workerId, ModelSignature signature, string modelDescription, DateTimeOffset at)
    {
        _signature = signature;
        ModelDescription = modelDescription;
        LastHeartbeat = at;
        _workers[workerId] = DateTimeOffset.UtcNow;
    }

    public int LiveWorkers(TimeSpan liveness)
    {
        var cutoff = DateTimeOffset.UtcNow - liveness;
        return _workers.Values.Count(seen => seen >= cutoff);
    }
}
