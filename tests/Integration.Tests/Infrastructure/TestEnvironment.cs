namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>Where the servers and fixtures of a test run are; scripts/test.sh exports the server addresses.</summary>
public static class TestEnvironment
{
    public static string? RabbitMqUrl => Environment.GetEnvironmentVariable("CORTEX_TEST_RABBITMQ") is { Length: > 0 } url ? url : null;

    public static string? RabbitMqManagementUrl => Environment.GetEnvironmentVariable("CORTEX_TEST_RABBITMQ_MANAGEMENT") is { Length: > 0 } url ? url : null;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared fixtures beside the checkout (<c>../shared/fixtures</c>), or null when this clone has none.</summary>
    public static string? FixturesRoot
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// A program of this solution in its own build output (same configuration as the tests), where its own
    /// deps.json resolves its dependencies.
    /// </summary>
    public static string BuiltProgram(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(RepositoryRoot, "src", project, "bin", configuration, "net10.0", $"Cortex.Queue.{project}.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cortex.Queue.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no Cortex.Queue.sln above {AppContext.BaseDirectory}");
    }
}
