using System.Text.RegularExpressions;

namespace Cortex.Queue.Config.Resources;

/// <summary>
/// Deployment and API names become Kubernetes object names, queue names and URL segments,
/// so they follow the DNS-label rule: lowercase letters, digits and '-', starting with a letter.
/// </summary>
internal static partial class ResourceNames
{
    public const int MaxLength = 63;

    /// <summary>What is wrong with the name, phrased as "expected …, got …", or null when it is fine.</summary>
    public static string? Problem(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            return $"expected a name of lowercase letters, digits and '-' that starts with a letter, got '{name}'";
        }

        if (name.EndsWith('-'))
        {
            return $"expected a name that ends with a letter or digit, got '{name}'";
        }

        return name.Length > MaxLength
            ? $"expected a name of at most {MaxLength} characters (it becomes a Kubernetes name), got {name.Length} characters"
            : null;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
