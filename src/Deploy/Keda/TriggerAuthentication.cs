namespace Cortex.Queue.Deploy.Keda;

/// <summary>KEDA's <c>TriggerAuthentication</c> (keda.sh/v1alpha1): where a scaler reads its secret parameters.</summary>
public sealed record TriggerAuthentication() : KedaObject<TriggerAuthenticationSpec>(KedaKind)
{
    public const string KedaKind = "TriggerAuthentication";
}
