using Cortex.Queue.Deploy.Rendering;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Output;

/// <summary>Lays rendered objects out as one file per kind, listed in the order they must be applied (namespace first).</summary>
public static class ManifestFiles
{
    public static IReadOnlyList<ManifestFile> From(RenderedManifests manifests) =>
    [
        File("namespace.yaml", "Namespace", [manifests.Namespace]),
        File("configmaps.yaml", "ConfigMap", manifests.ConfigMaps),
        File("deployments.yaml", "Deployment", manifests.Deployments),
        File("services.yaml", "Service", manifests.Services),
        File("triggerauthentications.yaml", "TriggerAuthentication", manifests.TriggerAuthentications),
        File("scaledobjects.yaml", "ScaledObject", manifests.ScaledObjects),
    ];

    /// <summary>Writes every file into DIRECTORY (created if needed) and returns what was written.</summary>
    public static IReadOnlyList<ManifestFile> Write(RenderedManifests manifests, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = From(manifests);
        foreach (var file in files)
        {
            System.IO.File.WriteAllText(Path.Combine(directory, file.FileName), file.Yaml);
        }
        return files;
    }

    public static string ToYaml(IEnumerable<object> objects) =>
        // KubernetesYaml.Serialize ends without a newline, so the separator carries both.
        string.Join("\n---\n", objects.Select(KubernetesYaml.Serialize)) + "\n";

    private static ManifestFile File<T>(string fileName, string kind, IReadOnlyList<T> objects)
        where T : IKubernetesObject<V1ObjectMeta> =>
        new(fileName, kind, [.. objects.Cast<IKubernetesObject<V1ObjectMeta>>()], ToYaml(objects.Cast<object>()));
}
