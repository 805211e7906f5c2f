namespace Cortex.Queue.Deploy.Sources;

/// <summary>
/// The files the pods need next to their cortex.yaml, read once from disk so that rendering stays a pure function.
/// Paths are relative to the cortex.yaml folder with '/' separators; in the pod they sit under /etc/cortex.
/// </summary>
public sealed record DeploymentSources(string CortexYaml, IReadOnlyDictionary<string, string> HandlerFiles, IReadOnlyList<string> Warnings);
