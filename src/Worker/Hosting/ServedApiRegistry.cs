using System.Collections.Concurrent;

namespace Cortex.Queue.Worker.Hosting;

/// <summary>The APIs whose models are loaded and consuming in this process.</summary>
public sealed class ServedApiRegistry
{
    private readonly ConcurrentDictionary<string, ServedApi> _ready = new();

    public IReadOnlyCollection<ServedApi> Ready => _ready.Values.ToArray();

    public void MarkReady(ServedApi api) => _ready[api.Config.Name] = api;

    public void Remove(string apiName) => _ready.TryRemove(apiName, out _);
}
