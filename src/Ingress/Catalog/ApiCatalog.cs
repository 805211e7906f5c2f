using Cortex.Queue.Config;

namespace Cortex.Queue.Ingress.Catalog;

/// <summary>Every API of the deployment, by name and by endpoint path.</summary>
public sealed class ApiCatalog
{
    private readonly Dictionary<string, ApiState> _byName;

    public ApiCatalog(CortexConfig config)
    {
        Config = config;
        _byName = config.Apis.ToDictionary(a => a.Name, a => new ApiState(a), StringComparer.Ordinal);
    }

    public CortexConfig Config { get; }

    public IReadOnlyCollection<ApiState> All => _byName.Values;

    public ApiState? Find(string name) => _byName.GetValueOrDefault(name);
}
