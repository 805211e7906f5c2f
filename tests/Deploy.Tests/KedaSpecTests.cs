using Cortex.Queue.Deploy.Output;
using Cortex.Queue.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Deploy.Tests;

/// <summary>
/// The KEDA records are checked against the field names KEDA documents (ScaledObject and TriggerAuthentication specs,
/// keda.sh/v1alpha1; the rabbitmq and cpu scaler parameter lists), so a misspelt or invented field fails here rather
/// than being silently ignored by the cluster.
/// </summary>
public sealed class KedaSpecTests
{
    // Paths are YAML keys joined by '.', with list items written as [].
    private static readonly Dictionary<string, string[]> DocumentedFields = new()
    {
        ["ScaledObject"] = ["apiVersion", "kind", "metadata", "spec"],
        ["ScaledObject.spec"] =
        [
            "scaleTargetRef", "pollingInterval", "cooldownPeriod", "initialCooldownPeriod", "idleReplicaCount",
            "minReplicaCount", "maxReplicaCount", "fallback", "advanced", "triggers",
        ],
        ["ScaledObject.spec.scaleTargetRef"] = ["apiVersion", "kind", "name", "envSourceContainerName"],
        ["ScaledObject.spec.triggers[]"] = ["type", "name", "metadata", "authenticationRef", "metricType", "useCachedMetrics"],
        ["ScaledObject.spec.triggers[].authenticationRef"] = ["name", "kind"],
        ["TriggerAuthentication"] = ["apiVersion", "kind", "metadata", "spec"],
        ["TriggerAuthentication.spec"] =
        [
            "podIdentity", "secretTargetRef", "env", "configMapTargetRef", "hashiCorpVault", "azureKeyVault",
            "awsSecretManager", "gcpSecretManager", "boundServiceAccountToken",
        ],
        ["TriggerAuthentication.spec.secretTargetRef[]"] = ["parameter", "name", "key"],
    };

    private static readonly Dictionary<string, string[]> DocumentedScalerParameters = new()
    {
        ["rabbitmq"] =
        [
            "host", "hostFromEnv", "usernameFromEnv", "passwordFromEnv", "protocol", "mode", "value", "activationValue",
            "queueName", "vhostName", "useRegex", "excludeUnacknowledged", "pageSize", "operation", "timeout", "unsafeSsl",
        ],
        ["cpu"] = ["value", "activationValue", "containerName"],
    };

    [Fact]
    public void Every_field_of_the_rendered_keda_objects_is_one_keda_documents()
    {
        var manifests = TestConfigs.Render(TestConfigs.OneApi("  compute:\n    min_replicas: 0\n    gpu: 1"));
        var yaml = ManifestFiles.ToYaml([.. manifests.ScaledObjects, .. manifests.TriggerAuthentications]);

        var undocumented = new List<string>();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var document in stream.Documents)
        {
            var root = (YamlMappingNode)document.RootNode;
            var kind = ((YamlScalarNode)root.Children[new YamlScalarNode("kind")]).Value!;
            CollectUndocumented(root, kind, undocumented);
        }

        Assert.Empty(undocumented);
    }

    [Fact]
    public void The_check_itself_reports_a_field_keda_does_not_define()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("kind: ScaledObject\nspec:\n  minReplicas: 1\n"));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var undocumented = new List<string>();

        CollectUndocumented(root, "ScaledObject", undocumented);

        Assert.Equal(["ScaledObject.spec.minReplicas"], undocumented);
    }

    private static void CollectUndocumented(YamlMappingNode node, string path, List<string> undocumented)
    {
        var allowed = DocumentedFields.GetValueOrDefault(path) ?? [];
        foreach (var (keyNode, value) in node.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var childPath = $"{path}.{key}";
            if (!allowed.Contains(key))
            {
                undocumented.Add(childPath);
                continue;
            }
            if (key == "metadata" && path.EndsWith("triggers[]", StringComparison.Ordinal))
            {
                var type = ((YamlScalarNode)node.Children[new YamlScalarNode("type")]).Value!;
                var parameters = DocumentedScalerParameters.GetValueOrDefault(type) ?? [];
                undocumented.AddRange(((YamlMappingNode)value).Children.Keys
                    .Select(k => ((YamlScalarNode)k).Value!)
                    .Where(parameter => !parameters.Contains(parameter))
                    .Select(parameter => $"{childPath}.{parameter} ({type} scaler)"));
                continue;
            }
            if (key == "metadata" && !path.Contains('.', StringComparison.Ordinal))
            {
                continue; // standard Kubernetes ObjectMeta, checked by the round-trip tests
            }
            switch (value)
            {
                case YamlMappingNode mapping:
                    CollectUndocumented(mapping, childPath, undocumented);
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children.OfType<YamlMappingNode>())
                    {
                        CollectUndocumented(item, childPath + "[]", undocumented);
                    }
                    break;
            }
        }
    }
}
