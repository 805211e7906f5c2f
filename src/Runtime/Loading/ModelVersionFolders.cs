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
        foreach (var folder in Directory.EnumerateDirectories(modelFolder))
        {
            var name = Path.GetFileName(folder);
            if (name.Length > 0 && name.All(char.IsAsciiDigit)
                && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number > version)
            {
                version = number;
                versionFolder = folder;
            }
        }
        return version >= 0;
    }
}
