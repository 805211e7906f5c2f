namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A worker as its own process (distributed mode), so a test can kill it the way an OOM-killer or a node loss would.</summary>
public static class WorkerProcess
{
    public static ComponentProcess Start(string configPath, string api, string rabbitMqUrl, IReadOnlyDictionary<string, string>? environment = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["CORTEX_CONFIG"] = configPath,
            ["CORTEX_API"] = api,
            ["CORTEX_RABBITMQ"] = rabbitMqUrl,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }
        return ComponentProcess.Start("Worker", settings);
    }
}
