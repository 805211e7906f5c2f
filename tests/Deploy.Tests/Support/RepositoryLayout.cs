namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>Finds the repository from the test's output folder, so tests read the examples and write golden files in the source tree.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    public static string GoldenFolder(string example) => Path.Combine(Root, "tests", "Deploy.Tests", "Golden", example);

    /// <summary>Debug or Release: the folder two levels above net10.0 in the test's base directory.</summary>
    public static string BuildConfiguration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string CliAssembly => Path.Combine(Root, "src", "Cli", "bin", BuildConfiguration, "net10.0", "Cortex.Queue.Cli.dll");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cortex.Queue.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no Cortex.Queue.sln above {AppContext.BaseDirectory}");
    }
}
