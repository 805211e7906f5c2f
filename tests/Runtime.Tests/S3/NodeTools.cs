namespace Cortex.Queue.Runtime.Tests.S3;

/// <summary>Finds <c>node</c> and <c>npm</c> on the PATH; the S3 tests run s3rver, an npm package, and need both.</summary>
public static class NodeTools
{
    public static string? Node => Find("node");

    public static string? Npm => Find("npm");

    public static bool Present => Node is not null && Npm is not null;

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
