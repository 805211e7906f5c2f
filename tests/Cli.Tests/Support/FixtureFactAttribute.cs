using Cortex.Queue.Runtime.Tests.Fixtures;
namespace Cortex.Queue.Cli.Tests.Support;

/// <summary>A fact that needs <c>../shared/fixtures</c>; it is reported as skipped, with the path looked at, on a clone without them.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute()
    {
        if (!TestPaths.FixturesPresent)
        {
            Skip = $"shared fixtures not found at {TestPaths.FixturesFolder}";
        }
    }
}
