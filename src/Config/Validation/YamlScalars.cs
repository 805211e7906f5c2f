using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Validation;

/// <summary>YAML 1.2 core-schema readings of scalars, and how nodes are named in messages.</summary>
internal static class YamlScalars
{
    public static bool IsPlain(YamlScalarNode scalar) => scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>`key:`, `key: ~` and `key: null` all mean "no value"; a quoted "" is an empty string, not null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode scalar && IsPlain(scalar) && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Names a node the way a user sees it in the file: 'two', a mapping, a list, an empty value.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "an empty value",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } scalar => $"the quoted string '{scalar.Value}'",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };
}
