namespace Cortex.Queue.Bench.Setup;

/// <summary>
/// The repository (the folder holding Cortex.Queue.sln) and the shared fixtures beside it (<c>../shared/fixtures</c>),
/// found by walking up from the benchmark's own folder, then from the working directory.
/// </summary>
public sealed record RepositoryPaths(string Root, string? Fixtures)
{
    public const string SolutionFile = "Cortex.Queue.sln";

    public string IrisExample => Path.Combine(Root, "examples", "iris-classifier");

    public string DefaultReport => Path.Combine(Root, "docs", "benchmarks.md");

    /// <summary>The worker's build output in the configuration and framework this benchmark was built with.</summary>
    public string WorkerOutput
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = framework.Parent?.Name ?? "Release";
            return Path.Combine(Root, "src", "Worker", "bin", configuration, framework.Name);
        }
    }

    public string? Fixture(params string[] parts) => Fixtures is null ? null : Path.Combine([Fixtures, .. parts]);

    public static RepositoryPaths Locate()
    {
        var root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException($"cannot find {SolutionFile} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}");
        var fixtures = Path.GetFullPath(Path.Combine(root, "..", "shared", "fixtures"));
        return new RepositoryPaths(root, Directory.Exists(fixtures) ? fixtures : null);
    }

    private static string? FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
