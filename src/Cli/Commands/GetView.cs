using Cortex.Queue.Cli.Monitoring;

namespace Cortex.Queue.Cli.Commands;

/// <summary>One screen of <c>cortex get</c>: the table of every API, or one API's details.</summary>
public sealed class GetView(IngressClient client, string? api, string window)
{
    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        if (api is null)
        {
            var snapshots = await client.GetSnapshotsAsync(window, cancellationToken).ConfigureAwait(false);
            return ApiTableRenderer.Render(snapshots, window, DateTimeOffset.UtcNow);
        }
        var detail = await client.GetDetailAsync(api, window, cancellationToken).ConfigureAwait(false);
        return ApiDetailRenderer.Render(detail, window, DateTimeOffset.UtcNow);
    }
}
