using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Parsing;

/// <summary>The single document of a cortex.yaml as a node tree (positions kept), plus the duplicate keys dropped from it.</summary>
internal sealed record ParsedYaml(YamlNode Root, IReadOnlyList<DuplicateKey> DuplicateKeys);
