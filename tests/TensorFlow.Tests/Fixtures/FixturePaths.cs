namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>
/// Finds the shared real-model fixtures: <c>&lt;repo root&gt;/../shared/fixtures</c>, where the repo root is the
/// folder holding Cortex.Queue.sln above the test binaries. Null when this checkout has no shared folder.
/// </summary>
public static class FixturePaths
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string? FixturesRoot => Root.Value;

    public static bool Available => Root.Value is not null;

    /// <summary>Folder of one fixture under <c>models/</c> (e.g. "tfjs_times_two_int").</summary>
    public static string Model(string fixture) => Path.Combine(RequireRoot(), "models", fixture);

    public static string Dataset(string name) => Path.Combine(RequireRoot(), "datasets", name);

    private static string RequireRoot() =>
        Root.Value ?? throw new InvalidOperationException("the shared fixtures folder is missing; the test should have been skipped");

    private static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cortex.Queue.sln")))
            {
                var fixtures = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "fixtures"));
                return Directory.Exists(Path.Combine(fixtures, "models")) ? fixtures : null;
            }
        }
        return null;
    }
}
