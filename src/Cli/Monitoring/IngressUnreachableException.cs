namespace Cortex.Queue.Cli.Monitoring;

/// <summary>The ingress did not answer at all (nothing listening, refused, timed out).</summary>
public sealed class IngressUnreachableException(string baseUrl, string reason, Exception? inner = null)
    : Exception($"cannot reach the ingress at {baseUrl} ({reason}); start one with `cortex up PATH`, or point --url (or $CORTEX_URL) at a running one", inner)
{
    public string BaseUrl { get; } = baseUrl;
}
