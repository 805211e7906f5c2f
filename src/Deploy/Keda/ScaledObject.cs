namespace Cortex.Queue.Deploy.Keda;

/// <summary>KEDA's <c>ScaledObject</c> (keda.sh/v1alpha1): which workload KEDA scales, between which bounds, on which triggers.</summary>
public sealed record ScaledObject() : KedaObject<ScaledObjectSpec>(KedaKind)
{
    public const string KedaKind = "ScaledObject";
}
