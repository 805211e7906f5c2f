using System.Globalization;

namespace Cortex.Queue.Runtime.Loading;

/// <summary>
/// TF Serving's layout for model versions: numeric subfolders (<c>1/</c>, <c>2/</c>, <c>10/</c>) of a model folder,
/// of which the highest number is served.
/// </summary>
public static class ModelVersionFolders
{
    /// <summary>Finds the highest-numbered subfolder; false when <paramref name="modelFolder"/> has no numeric subfolders.</summary>
    public static bool TryFindHighest(string modelFolder, out string versionFolder, out long version)
    {
        versionFolder = string.Empty;
        version = -1;
        foreach (var (number, folder) in List(modelFolder))
        {
            if (number > version)
            {
                version = number;
                versionFolder = folder;
            }
        }
        return version >= 0;
    }

    /// <summary>Every numeric subfolder of <paramref name="modelFolder"/>, lowest version first.</summary>
    public static IReadOnlyList<(long Version, string Folder)> List(string modelFolder) =>
        Directory.EnumerateDirectories(modelFolder)
            .Select(folder => (Parsed: TryParseVersion(Path.GetFileName(folder), out var number) ? number : -1, Folder: folder))
            .Where(v => v.Parsed >= 0)
            .OrderBy(v => v.Parsed)
            .Select(v => (v.Parsed, v.Folder))
            .ToList();

    /// <summary>True for a folder name TF Serving reads as a version: ASCII digits only.</summary>
    public static bool TryParseVersion(string name, out long version)
    {
        version = -1;
        return name.Length > 0 && name.All(char.IsAsciiDigit)
            && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
