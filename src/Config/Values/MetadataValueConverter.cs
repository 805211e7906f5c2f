using System.Globalization;
using Cortex.Queue.Config.Validation;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Values;

/// <summary>
/// Turns a <c>metadata:</c> block into plain .NET values, reading unquoted scalars with the YAML core schema
/// (null, bool, long, double, else string) so a handler sees <c>threshold: 0.5</c> as a number, as Cortex's Python did.
/// </summary>
internal static class MetadataValueConverter
{
    public static Dictionary<string, object?> ToDictionary(YamlMappingNode mapping, string keyPath, ConfigErrorCollector errors)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                errors.Add(keyNode, keyPath, $"expected a metadata key name, got {YamlScalars.Describe(keyNode)}");
                continue;
            }

            result[key] = ToValue(valueNode, $"{keyPath}.{key}", errors);
        }

        return result;
    }

    private static object? ToValue(YamlNode node, string keyPath, ConfigErrorCollector errors) => node switch
    {
        YamlMappingNode mapping => ToDictionary(mapping, keyPath, errors),
        YamlSequenceNode sequence => sequence.Children.Select((item, i) => ToValue(item, $"{keyPath}[{i}]", errors)).ToList(),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => null,
    };

    private static object? ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (!YamlScalars.IsPlain(scalar))
        {
            return text;
        }

        if (YamlScalars.IsNull(scalar))
        {
            return null;
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (LooksNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        return text;
    }

    // double.TryParse also accepts "Infinity" and thousands of other spellings; YAML numbers start with a sign, digit or dot.
    private static bool LooksNumeric(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsAsciiDigit);
}
