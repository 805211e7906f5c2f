using Cortex.Queue.Config.Parsing;
using Cortex.Queue.Config.Validation;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Resources;

/// <summary>
/// Reads the top-level list of resources: sorts items by kind, reads the deployment and each API,
/// then applies the rules that span resources (one deployment, unique API names and endpoints).
/// </summary>
internal sealed class ResourceListReader(ConfigErrorCollector errors, string rootDirectory)
{
    private const string ResourcesPath = "resources";

    private static readonly string[] Kinds = ["deployment", "api"];

    // Kinds that an item whose kind could not be read may have meant; "no such resource" would only repeat that error.
    private readonly HashSet<string> possiblyMeantKinds = new(StringComparer.Ordinal);

    /// <returns>The resolved config, or null when any error was found.</returns>
    public CortexConfig? Read(ParsedYaml parsed, string filePath)
    {
        // Key paths name a resource by its role (deployment, apis[1]) once its kind is known.
        var pathPrefixes = new Dictionary<int, string>();
        var config = parsed.Root is YamlSequenceNode resources
            ? ReadResources(resources, filePath, pathPrefixes)
            : ReportNotAList(parsed.Root);
        ReportDuplicateKeys(parsed.DuplicateKeys, pathPrefixes);
        return errors.Count == 0 ? config : null;
    }

    private CortexConfig? ReportNotAList(YamlNode root)
    {
        errors.Add(root, "", $"expected a list of resources (each item starting with '- kind:'), got {YamlScalars.Describe(root)}");
        return null;
    }

    private CortexConfig? ReadResources(YamlSequenceNode resources, string filePath, Dictionary<int, string> pathPrefixes)
    {
        var deployments = new List<(int Index, YamlMappingNode Node)>();
        var apis = new List<(int Index, YamlMappingNode Node)>();
        for (var index = 0; index < resources.Children.Count; index++)
        {
            switch (ReadKind(resources.Children[index], index))
            {
                case "deployment":
                    deployments.Add((index, (YamlMappingNode)resources.Children[index]));
                    break;
                case "api":
                    apis.Add((index, (YamlMappingNode)resources.Children[index]));
                    break;
            }
        }

        var deploymentName = ReadDeployment(resources, deployments, pathPrefixes);
        if (apis.Count == 0 && !possiblyMeantKinds.Contains("api"))
        {
            errors.Add(resources, ResourcesPath, "no kind: api resources; add at least one API (- kind: api, name:, tensorflow: {model: ...})");
        }

        var apiReader = new ApiReader(errors, rootDirectory);
        var results = new List<ApiReadResult>();
        foreach (var (resourceIndex, node) in apis)
        {
            pathPrefixes[resourceIndex] = $"apis[{results.Count}]";
            results.Add(apiReader.Read(node, results.Count, deploymentName));
        }

        CheckUniqueNames(results);
        CheckUniqueEndpoints(results);
        if (deploymentName is null || results.Any(r => r.Config is null))
        {
            return null;
        }

        return new CortexConfig(Path.GetFullPath(filePath), deploymentName, results.Select(r => r.Config!).ToList());
    }

    /// <returns>The resource's kind when it is one this file format knows, else null (already reported).</returns>
    private string? ReadKind(YamlNode resource, int index)
    {
        var path = $"{ResourcesPath}[{index}]";
        if (resource is not YamlMappingNode mapping)
        {
            errors.Add(resource, path, $"expected a resource (a mapping starting with 'kind:'), got {YamlScalars.Describe(resource)}");
            possiblyMeantKinds.UnionWith(Kinds);
            return null;
        }

        var kindKey = new YamlScalarNode("kind");
        if (!mapping.Children.TryGetValue(kindKey, out var kindNode))
        {
            errors.Add(mapping, $"{path}.kind", "missing key 'kind'; expected 'deployment' or 'api'");
            possiblyMeantKinds.UnionWith(Kinds);
            return null;
        }

        if (kindNode is not YamlScalarNode { Value: { } kind } || YamlScalars.IsNull(kindNode))
        {
            errors.Add(kindNode, $"{path}.kind", $"expected 'deployment' or 'api', got {YamlScalars.Describe(kindNode)}");
            possiblyMeantKinds.UnionWith(Kinds);
            return null;
        }

        if (Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return kind;
        }

        var nearest = KeySuggester.Nearest(kind, Kinds);
        possiblyMeantKinds.UnionWith(nearest is null ? Kinds : [nearest]);
        var hint = nearest is null ? "expected 'deployment' or 'api'" : $"did you mean '{nearest}'?";
        errors.Add(kindNode, $"{path}.kind", $"unknown kind '{kind}'; {hint}");
        return null;
    }

    private string? ReadDeployment(YamlSequenceNode resources, List<(int Index, YamlMappingNode Node)> deployments, Dictionary<int, string> pathPrefixes)
    {
        if (deployments.Count == 0)
        {
            if (possiblyMeantKinds.Contains("deployment"))
            {
                return null;
            }

            errors.Add(resources, ResourcesPath, "no kind: deployment resource; add one (- kind: deployment, name: <name>)");
            return null;
        }

        var first = deployments[0];
        foreach (var (index, node) in deployments.Skip(1))
        {
            errors.Add(node.Children[new YamlScalarNode("kind")], $"{ResourcesPath}[{index}]",
                $"a second kind: deployment resource (the first is on line {first.Node.Start.Line}); a cortex.yaml holds one deployment");
        }

        pathPrefixes[first.Index] = DeploymentReader.KeyPath;
        var name = DeploymentReader.ReadName(first.Node, errors);
        return name.IsValid ? name.Value : null;
    }

    private void CheckUniqueNames(List<ApiReadResult> results)
    {
        var firstByName = new Dictionary<string, ApiReadResult>(StringComparer.Ordinal);
        for (var index = 0; index < results.Count; index++)
        {
            var name = results[index].Name;
            if (!name.IsValid)
            {
                continue;
            }

            if (firstByName.TryGetValue(name.Value!, out var first))
            {
                errors.Add(name.Node!, $"apis[{index}].name", $"duplicate API name '{name.Value}' (first on line {first.Name.Node!.Start.Line})");
            }
            else
            {
                firstByName[name.Value!] = results[index];
            }
        }
    }

    private void CheckUniqueEndpoints(List<ApiReadResult> results)
    {
        // ASP.NET Core routes ignore case, so /A/b and /a/b would collide.
        var firstByEndpoint = new Dictionary<string, ApiReadResult>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < results.Count; index++)
        {
            var result = results[index];
            if (result.Endpoint is null)
            {
                continue;
            }

            if (!firstByEndpoint.TryGetValue(result.Endpoint, out var first))
            {
                firstByEndpoint[result.Endpoint] = result;
                continue;
            }

            // Two default endpoints only collide when the names do, which is reported already.
            if (result.ExplicitEndpoint is null && first.ExplicitEndpoint is null)
            {
                continue;
            }

            var firstLine = (first.ExplicitEndpoint ?? first.Anchor).Start.Line;
            errors.Add(result.ExplicitEndpoint ?? result.Anchor, $"apis[{index}].endpoint",
                $"endpoint '{result.Endpoint}' is already used by API '{first.Name.Value}' (line {firstLine})");
        }
    }

    private void ReportDuplicateKeys(IReadOnlyList<DuplicateKey> duplicates, Dictionary<int, string> pathPrefixes)
    {
        foreach (var duplicate in duplicates)
        {
            var path = string.Concat(duplicate.PathSegments.Select((segment, i) => (segment, i) switch
            {
                (int index, 0) => pathPrefixes.GetValueOrDefault(index, $"{ResourcesPath}[{index}]"),
                (int index, _) => $"[{index}]",
                (var key, 0) => $"{key}",
                (var key, _) => $".{key}",
            }));
            errors.Add(duplicate.Start, path, $"duplicate key '{duplicate.Key}' (first given on line {duplicate.FirstStart.Line}); keep one");
        }
    }
}
