using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Output;

/// <summary>One rendered file (<c>deployments.yaml</c>, …): the objects of one kind and their YAML, documents separated by <c>---</c>.</summary>
public sealed record ManifestFile(string FileName, string Kind, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects, string Yaml);
