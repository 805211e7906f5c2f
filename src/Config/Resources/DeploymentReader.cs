using Cortex.Queue.Config.Validation;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Resources;

/// <summary>Reads the one <c>kind: deployment</c> resource: its name prefixes every default endpoint.</summary>
internal static class DeploymentReader
{
    public const string KeyPath = "deployment";

    public static FieldValue<string> ReadName(YamlMappingNode resource, ConfigErrorCollector errors)
    {
        var reader = new MappingReader(resource, KeyPath, resource.Start, CortexSchema.Deployment, errors);
        var name = reader.String("name", required: true);
        if (name.IsValid && ResourceNames.Problem(name.Value!) is { } problem)
        {
            errors.Add(name.Node!, reader.PathOf("name"), problem);
            return FieldValue<string>.Invalid(name.Node!);
        }

        return name;
    }
}
