using Cortex.Queue.Deploy.Keda;

namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>The type map KubernetesYaml needs to read KEDA's kinds back (its own map only knows the built-in kinds).</summary>
public static class KedaObjectTypes
{
    public static Dictionary<string, Type> Map { get; } = new()
    {
        [$"{KedaObject<ScaledObjectSpec>.KedaApiVersion}/{ScaledObject.KedaKind}"] = typeof(ScaledObject),
        [$"{KedaObject<TriggerAuthenticationSpec>.KedaApiVersion}/{TriggerAuthentication.KedaKind}"] = typeof(TriggerAuthentication),
    };
}
