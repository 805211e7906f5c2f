using System.Globalization;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>
/// Requested and available workers of an API, each null when nobody reports it. Today the ingress knows only
/// the live workers (heartbeats); a Kubernetes source can fill <see cref="Requested"/> without touching the renderers.
/// </summary>
public readonly record struct ReplicaCounts(int? Requested, int? Available)
{
    public string RequestedText => Show(Requested);

    public string AvailableText => Show(Available);

    private static string Show(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
