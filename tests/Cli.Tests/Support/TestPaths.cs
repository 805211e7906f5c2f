namespace Cortex.Queue.Cli.Tests.Support;

/// <summary>
/// Where the repository, the built CLI and the shared fixtures are, found from the test binaries: the repository root
/// holds Cortex.Queue.sln; the fixtures sit beside it in <c>../shared/fixtures</c>.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    /// <summary>Debug or Release: the folder above this test's <c>net10.0</c> output folder.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string CliAssembly => InRepository("src", "Cli", "bin", Configuration, "net10.0", "Cortex.Queue.Cli.dll");

    public static string FixturesFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));

    public static bool FixturesPresent => Directory.Exists(FixturesFolder);

    public static string Fixture(params string[] relativeParts) => Path.Combine([FixturesFolder, .. relativeParts]);

    public static string InRepository(params string[] relativeParts) => Path.Combine([RepositoryRoot, .. relativeParts]);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cortex.Queue.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no Cortex.Queue.sln above {AppContext.BaseDirectory}");
    }
}
