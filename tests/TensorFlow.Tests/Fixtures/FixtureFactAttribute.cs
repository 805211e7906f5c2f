namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>A fact that needs the shared real-model fixtures; skipped, with the reason, when they are absent.</summary>
public sealed class FixtureFactAttribute : FactAttribute
{
    public FixtureFactAttribute()
    {
        if (!FixturePaths.Available)
        {
            Skip = "shared fixtures not found (expected <repo root>/../shared/fixtures)";
        }
    }
}
