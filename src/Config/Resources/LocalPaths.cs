using System.Text.RegularExpressions;

namespace Cortex.Queue.Config.Resources;

/// <summary>How paths written in cortex.yaml are told apart (local, s3://, other URLs) and resolved.</summary>
internal static partial class LocalPaths
{
    public static bool IsUrl(string path) => UrlScheme().IsMatch(path);

    public static bool IsS3(string path) => path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Relative paths resolve against the folder holding cortex.yaml, never the process's working folder.</summary>
    public static string Resolve(string rootDirectory, string path) => Path.GetFullPath(Path.Combine(rootDirectory, path));

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*://", RegexOptions.CultureInvariant)]
    private static partial Regex UrlScheme();

    [GeneratedRegex("^s3://[^/]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex S3UrlWithBucket();
}
