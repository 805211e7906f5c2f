namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>A theory that needs the shared real-model fixtures; skipped, with the reason, when they are absent.</summary>
public sealed class FixtureTheoryAttribute : TheoryAttribute
{
    public FixtureTheoryAttribute()
    {
        if (!FixturePaths.Available)
        {
            Skip = "shared fixtures not found (expected <repo root>/../shared/fixtures)";
        }
    }
}
