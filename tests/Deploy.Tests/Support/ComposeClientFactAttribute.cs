namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>A fact that needs a compose client (no Docker engine); skipped, with the reason shown, where none is installed.</summary>
public sealed class ComposeClientFactAttribute : FactAttribute
{
    public ComposeClientFactAttribute()
    {
        if (ComposeClient.Command is null)
        {
            Skip = "neither `docker compose` nor `docker-compose` is installed";
        }
    }
}
