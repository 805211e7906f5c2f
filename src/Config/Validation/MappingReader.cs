using System.Globalization;
using Cortex.Queue.Config.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Validation;

/// <summary>
/// Reads the keys of one YAML mapping against its schema: reports unknown keys on construction, then
/// hands out typed values, reporting each wrong one at its own position and key path.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> entries = new(StringComparer.Ordinal);

    /// <param name="ownerMark">Where "missing key" errors point: the block's own key, or the list item.</param>
    public MappingReader(YamlMappingNode mapping, string keyPath, Mark ownerMark, BlockSchema schema, ConfigErrorCollector errors)
    {
        KeyPath = keyPath;
        OwnerMark = ownerMark;
        Errors = errors;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode key || key.Value is null)
            {
                errors.Add(keyNode, keyPath, $"expected a key name, got {YamlScalars.Describe(keyNode)}");
                continue;
            }

            if (schema.Accepts(key.Value))
            {
                entries[key.Value] = new(key, valueNode);
            }
            else
            {
                errors.Add(key, PathOf(key.Value), UnknownKeyMessage(key.Value, schema));
            }
        }
    }

    public string KeyPath { get; }

    public Mark OwnerMark { get; }

    public ConfigErrorCollector Errors { get; }

    public string PathOf(string key) => KeyPath.Length == 0 ? key : $"{KeyPath}.{key}";

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>The valid keys the user wrote in this mapping, in no particular order.</summary>
    public IEnumerable<string> GivenKeys => entries.Keys;

    public YamlScalarNode? KeyNode(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : null;

    public YamlNode? ValueNode(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public void ReportMissing(string key, string hint = "") =>
        Errors.Add(OwnerMark, PathOf(key), $"missing required key '{key}'{hint}");

    /// <summary>Any scalar is text (`name: 123` reads "123"); an empty value counts as absent unless the key is required.</summary>
    public FieldValue<string> String(string key, bool required = false)
    {
        if (ValueNode(key) is not { } value)
        {
            if (required)
            {
                ReportMissing(key);
            }

            return FieldValue<string>.Absent;
        }

        if (YamlScalars.IsNull(value))
        {
            if (!required)
            {
                return FieldValue<string>.Absent;
            }

            Errors.Add(value, PathOf(key), "expected a string, got an empty value");
            return FieldValue<string>.Invalid(value);
        }

        if (value is not YamlScalarNode scalar)
        {
            Errors.Add(value, PathOf(key), $"expected a string, got {YamlScalars.Describe(value)}");
            return FieldValue<string>.Invalid(value);
        }

        return FieldValue<string>.Valid(scalar.Value ?? "", value);
    }

    public FieldValue<int> Int(string key, int minimum, int maximum = int.MaxValue)
    {
        if (ValueNode(key) is not { } value)
        {
            return FieldValue<int>.Absent;
        }

        if (value is not YamlScalarNode scalar || YamlScalars.IsNull(scalar) || !YamlScalars.IsPlain(scalar)
            || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Errors.Add(value, PathOf(key), $"expected an integer, got {YamlScalars.Describe(value)}");
            return FieldValue<int>.Invalid(value);
        }

        if (number < minimum || number > maximum)
        {
            var range = maximum == int.MaxValue ? $">= {minimum}" : $"between {minimum} and {maximum}";
            Errors.Add(value, PathOf(key), $"expected an integer {range}, got {number}");
            return FieldValue<int>.Invalid(value);
        }

        return FieldValue<int>.Valid(number, value);
    }

    /// <summary>A list of distinct non-negative integers, written as a YAML sequence (<c>[1, 3]</c> or one per line).</summary>
    public FieldValue<IReadOnlyList<long>> NonNegativeIntegers(string key)
    {
        if (ValueNode(key) is not { } value || YamlScalars.IsNull(value))
        {
            return FieldValue<IReadOnlyList<long>>.Absent;
        }

        if (value is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Errors.Add(value, PathOf(key), $"expected a non-empty list of version numbers such as [1, 2], got {YamlScalars.Describe(value)}");
            return FieldValue<IReadOnlyList<long>>.Invalid(value);
        }

        var numbers = new List<long>();
        var valid = true;
        for (var index = 0; index < sequence.Children.Count; index++)
        {
            var item = sequence.Children[index];
            if (item is not YamlScalarNode scalar || !YamlScalars.IsPlain(scalar)
                || !long.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                Errors.Add(item, $"{PathOf(key)}[{index}]", $"expected a version number (an integer >= 0), got {YamlScalars.Describe(item)}");
                valid = false;
            }
            else if (numbers.Contains(number))
            {
                Errors.Add(item, $"{PathOf(key)}[{index}]", $"version {number} is listed twice");
                valid = false;
            }
            else
            {
                numbers.Add(number);
            }
        }

        return valid ? FieldValue<IReadOnlyList<long>>.Valid(numbers, value) : FieldValue<IReadOnlyList<long>>.Invalid(value);
    }

    /// <summary>A duration such as 2ms, 500us, 1.5s, 2m, 1m30s, or a bare number of seconds.</summary>
    public FieldValue<TimeSpan> Duration(string key, TimeSpan minimum, bool minimumExclusive, TimeSpan maximum)
    {
        if (ValueNode(key) is not { } value)
        {
            return FieldValue<TimeSpan>.Absent;
        }

        if (value is not YamlScalarNode scalar || YamlScalars.IsNull(scalar) || !DurationText.TryParse(scalar.Value!, out var duration))
        {
            Errors.Add(value, PathOf(key), $"expected a duration such as 2ms, 1.5s, 30s or 2m, got {YamlScalars.Describe(value)}");
            return FieldValue<TimeSpan>.Invalid(value);
        }

        var tooSmall = minimumExclusive ? duration <= minimum : duration < minimum;
        if (tooSmall || duration > maximum)
        {
            var lower = minimumExclusive ? $"greater than {DurationText.Format(minimum)}" : $"at least {DurationText.Format(minimum)}";
            Errors.Add(value, PathOf(key), $"expected a duration {lower} and at most {DurationText.Format(maximum)}, got {scalar.Value}");
            return FieldValue<TimeSpan>.Invalid(value);
        }

        return FieldValue<TimeSpan>.Valid(duration, value);
    }

    /// <summary>A nested block; `block:` with nothing after it reads as absent so every default applies.</summary>
    public FieldValue<YamlMappingNode> Mapping(string key)
    {
        if (ValueNode(key) is not { } value || YamlScalars.IsNull(value))
        {
            return FieldValue<YamlMappingNode>.Absent;
        }

        if (value is not YamlMappingNode mapping)
        {
            Errors.Add(value, PathOf(key), $"expected a mapping (indented 'key: value' lines), got {YamlScalars.Describe(value)}");
            return FieldValue<YamlMappingNode>.Invalid(value);
        }

        return FieldValue<YamlMappingNode>.Valid(mapping, value);
    }

    /// <summary>Opens a nested block for reading; "missing key" errors inside it point at its key.</summary>
    public MappingReader? Nested(string key, BlockSchema schema)
    {
        var block = Mapping(key);
        return block.IsValid ? new MappingReader(block.Value!, PathOf(key), KeyNode(key)!.Start, schema, Errors) : null;
    }

    private static string UnknownKeyMessage(string key, BlockSchema schema)
    {
        if (schema.RejectedKeyReasons?.TryGetValue(key, out var reason) == true)
        {
            return reason;
        }

        if (KeySuggester.Nearest(key, schema.Keys) is { } nearest)
        {
            return $"unknown key '{key}'; did you mean '{nearest}'?";
        }

        if (CortexSchema.HomeOf(key, schema) is { } home)
        {
            return $"unknown key '{key}' in {schema.Title}; it belongs {home}";
        }

        return $"unknown key '{key}'; valid keys in {schema.Title} are {string.Join(", ", schema.Keys)}";
    }
}
