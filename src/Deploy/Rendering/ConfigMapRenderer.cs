using System.Security.Cryptography;
using System.Text;
using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Sources;
using k8s.Models;

namespace Cortex.Queue.Deploy.Rendering;

/// <summary>
/// The cortex.yaml and the handler sources as one ConfigMap mounted at /etc/cortex. One map serves the ingress and every
/// worker because each process loads the whole file, and the loader checks every API's handler file exists.
/// </summary>
public static class ConfigMapRenderer
{
    public const string CortexYamlKey = "cortex.yaml";

    public static V1ConfigMap Render(CortexConfig config, DeploymentSources sources) => new()
    {
        ApiVersion = V1ConfigMap.KubeApiVersion,
        Kind = V1ConfigMap.KubeKind,
        Metadata = new V1ObjectMeta
        {
            Name = ManifestNames.ConfigMapName,
            NamespaceProperty = ManifestNames.Namespace(config),
            Labels = ManifestLabels.Labels(config, "config"),
        },
        Data = Files(sources).ToDictionary(file => file.Key, file => file.Content),
    };

    /// <summary>Places every key at its path under the mount, so handlers in sub-folders keep their relative paths.</summary>
    public static V1Volume Volume(DeploymentSources sources) => new()
    {
        Name = "cortex-config",
        ConfigMap = new V1ConfigMapVolumeSource
        {
            Name = ManifestNames.ConfigMapName,
            Items = Files(sources).Select(file => new V1KeyToPath { Key = file.Key, Path = file.Path }).ToList(),
        },
    };

    public static V1VolumeMount VolumeMount() => new() { Name = "cortex-config", MountPath = ManifestNames.ConfigDirectory, ReadOnlyProperty = true };

    /// <summary>SHA-256 of every shipped file, for the pod-template annotation that rolls pods when the config changes.</summary>
    public static string Checksum(DeploymentSources sources)
    {
        var text = new StringBuilder();
        foreach (var file in Files(sources))
        {
            text.Append(file.Path).Append('\0').Append(file.Content).Append('\0');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static IEnumerable<(string Key, string Path, string Content)> Files(DeploymentSources sources)
    {
        yield return (CortexYamlKey, CortexYamlKey, sources.CortexYaml);
        foreach (var (path, content) in sources.HandlerFiles.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            // ConfigMap keys allow only [-._a-zA-Z0-9]; the item's path restores the folder.
            yield return (path.Replace("/", "__", StringComparison.Ordinal), path, content);
        }
    }
}
