using Cortex.Queue.Cli.Monitoring;

namespace Cortex.Queue.Cli.Commands;

/// <summary>One screen of <c>cortex get</c>: the table of every API, or one API's details.</summary>
public sealed class GetView(IngressClient client, string? api, string window, ClusterReplicaSource? cluster = null)
{
    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        string screen;
        if (api is null)
        {
            var snapshots = await client.GetSnapshotsAsync(window, cancellationToken).ConfigureAwait(false);
            screen = ApiTableRenderer.Render(snapshots, window, DateTimeOffset.UtcNow);
        }
        else
        {
            var detail = await client.GetDetailAsync(api, window, cancellationToken).ConfigureAwait(false);
            screen = ApiDetailRenderer.Render(detail, window, DateTimeOffset.UtcNow);
        }
        return cluster?.Problem is { } problem
            ? screen + $"{Environment.NewLine}replicas: Kubernetes did not answer ({problem}); showing the workers the ingress knows{Environment.NewLine}"
            : screen;
    }
}
