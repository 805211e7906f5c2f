using System.Globalization;
using System.Text.RegularExpressions;

namespace Cortex.Queue.Config.Values;

/// <summary>
/// A Kubernetes resource quantity (1, 0.5, 500m, 512Mi, 1G, 1e3): a decimal number and an optional
/// binary-SI, decimal-SI or exponent suffix. Only what the loader needs: is it well formed, and how big.
/// </summary>
internal readonly partial record struct KubernetesQuantity(string Text, decimal Number, string Suffix, double Value)
{
    private static readonly Dictionary<string, double> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = 1,
        ["n"] = 1e-9,
        ["u"] = 1e-6,
        ["m"] = 1e-3,
        ["k"] = 1e3,
        ["M"] = 1e6,
        ["G"] = 1e9,
        ["T"] = 1e12,
        ["P"] = 1e15,
        ["E"] = 1e18,
        ["Ki"] = 1024d,
        ["Mi"] = Math.Pow(1024, 2),
        ["Gi"] = Math.Pow(1024, 3),
        ["Ti"] = Math.Pow(1024, 4),
        ["Pi"] = Math.Pow(1024, 5),
        ["Ei"] = Math.Pow(1024, 6),
    };

    public static bool TryParse(string text, out KubernetesQuantity quantity)
    {
        quantity = default;
        var match = QuantityPattern().Match(text.Trim());
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = match.Groups["suffix"].Value;
        var multiplier = suffix.Length > 1 && suffix[0] is 'e' or 'E' && suffix[1] != 'i'
            ? Math.Pow(10, int.Parse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : Multipliers[suffix];
        quantity = new KubernetesQuantity(text.Trim(), number, suffix, (double)number * multiplier);
        return true;
    }

    // The exponent form must be tried before the single letter E (exa), or "1E3" would not match.
    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+))(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d{1,3}|[numkMGTPE])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
