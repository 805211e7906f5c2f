using System.Text.RegularExpressions;
using Cortex.Queue.Config.Validation;
using Cortex.Queue.Config.Values;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Resources;

/// <summary>Reads a <c>compute:</c> block with Cortex's defaults and the rules that tie replica counts together.</summary>
internal static partial class ComputeBlockReader
{
    /// <param name="block">The block, or null when the API has none (every default applies).</param>
    public static ComputeConfig Read(MappingReader? block)
    {
        var defaults = new ComputeConfig();
        if (block is null)
        {
            return defaults with { InitReplicas = defaults.MinReplicas };
        }

        var min = block.Int("min_replicas", minimum: 0);
        var max = block.Int("max_replicas", minimum: 1);
        var init = block.Int("init_replicas", minimum: 0);
        var target = block.Int("target_cpu_utilization", minimum: 1, maximum: 100);
        var gpu = block.Int("gpu", minimum: 0);
        var cpu = ReadCpu(block);
        var mem = ReadMem(block);

        var minValue = min.Or(defaults.MinReplicas);
        var maxValue = max.Or(defaults.MaxReplicas);
        var replicaCountsKnown = !min.IsInvalid && !max.IsInvalid;
        if (replicaCountsKnown && minValue > maxValue)
        {
            // Point at whichever of the two the user wrote; a default cannot be edited.
            var (at, key) = min.IsValid ? (min.Node!, "min_replicas") : (max.Node!, "max_replicas");
            block.Errors.Add(at, block.PathOf(key),
                $"min_replicas ({minValue}{DefaultMark(min)}) is greater than max_replicas ({maxValue}{DefaultMark(max)})");
        }
        else if (replicaCountsKnown && init.IsValid && (init.Value < minValue || init.Value > maxValue))
        {
            block.Errors.Add(init.Node!, block.PathOf("init_replicas"),
                $"expected an integer between min_replicas ({minValue}) and max_replicas ({maxValue}), got {init.Value}");
        }

        return new ComputeConfig
        {
            MinReplicas = minValue,
            MaxReplicas = maxValue,
            InitReplicas = init.Or(minValue),
            TargetCpuUtilization = target.Or(defaults.TargetCpuUtilization),
            Cpu = cpu.Or(defaults.Cpu),
            Gpu = gpu.Or(defaults.Gpu),
            Mem = mem.Or(defaults.Mem!),
        };
    }

    private static string DefaultMark<T>(FieldValue<T> field) => field.IsValid ? "" : ", the default";

    /// <summary>CPU may be written as a number (1, 0.5) or a quantity string (500m); it is kept as the text Kubernetes will get.</summary>
    private static FieldValue<string> ReadCpu(MappingReader block)
    {
        if (!TryReadQuantityText(block, "cpu", "a CPU quantity such as 1, 0.5 or 500m", out var value, out var text))
        {
            return value is null ? FieldValue<string>.Absent : FieldValue<string>.Invalid(value);
        }

        if (!KubernetesQuantity.TryParse(text, out var quantity))
        {
            block.Errors.Add(value!, block.PathOf("cpu"), $"expected a CPU quantity such as 1, 0.5 or 500m, got '{text}'");
            return FieldValue<string>.Invalid(value!);
        }

        if (quantity.Value <= 0)
        {
            block.Errors.Add(value!, block.PathOf("cpu"), $"expected a CPU quantity greater than 0, got '{text}'");
            return FieldValue<string>.Invalid(value!);
        }

        return FieldValue<string>.Valid(quantity.Text, value!);
    }

    /// <summary>Memory is optional (`mem: null` is the default), a plain byte count, or a quantity such as 512Mi.</summary>
    private static FieldValue<string> ReadMem(MappingReader block)
    {
        if (block.ValueNode("mem") is { } given && YamlScalars.IsNull(given))
        {
            return FieldValue<string>.Absent;
        }

        const string Expected = "a memory quantity such as 512Mi, 1G, 1Gi or 1000000 (bytes)";
        if (!TryReadQuantityText(block, "mem", Expected, out var value, out var text))
        {
            return value is null ? FieldValue<string>.Absent : FieldValue<string>.Invalid(value);
        }

        string? problem = null;
        if (!KubernetesQuantity.TryParse(text, out var quantity))
        {
            // "512MB" is the most common slip: Kubernetes spells it 512M (decimal) or 512Mi (binary).
            var byteUnit = ByteUnitSlip().Match(text);
            var number = byteUnit.Groups[1].Value;
            var unit = byteUnit.Success ? char.ToUpperInvariant(byteUnit.Groups[2].Value[0]) : ' ';
            var decimalUnit = unit == 'K' ? "k" : unit.ToString(); // Kubernetes spells kilo lowercase, kibi uppercase
            var hint = byteUnit.Success ? $"; did you mean '{number}{decimalUnit}' (powers of 1000) or '{number}{unit}i' (powers of 1024)?" : "";
            problem = $"expected {Expected}, got '{text}'{hint}";
        }
        else if (quantity.Suffix == "m")
        {
            problem = $"'{text}' means {quantity.Value} bytes (m is milli); did you mean '{quantity.Number}Mi'?";
        }
        else if (quantity.Value <= 0)
        {
            problem = $"expected a memory quantity greater than 0, got '{text}'";
        }

        if (problem is not null)
        {
            block.Errors.Add(value!, block.PathOf("mem"), problem);
            return FieldValue<string>.Invalid(value!);
        }

        return FieldValue<string>.Valid(quantity.Text, value!);
    }

    private static bool TryReadQuantityText(MappingReader block, string key, string expected, out YamlNode? value, out string text)
    {
        text = "";
        value = block.ValueNode(key);
        if (value is null)
        {
            return false;
        }

        if (value is not YamlScalarNode scalar || YamlScalars.IsNull(scalar))
        {
            block.Errors.Add(value, block.PathOf(key), $"expected {expected}, got {YamlScalars.Describe(value)}");
            return false;
        }

        text = scalar.Value!.Trim();
        return true;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([kKmMgGtTpP])[bB]$", RegexOptions.CultureInvariant)]
    private static partial Regex ByteUnitSlip();
}
