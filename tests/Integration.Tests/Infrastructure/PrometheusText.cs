using System.Globalization;
using System.Text.RegularExpressions;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>Reads single series values out of a Prometheus text exposition.</summary>
public static partial class PrometheusText
{
    /// <summary>Sum of every sample of <paramref name="metric"/> whose labels contain all of <paramref name="labels"/> (as <c>name="value"</c>).</summary>
    public static double Sum(string exposition, string metric, params string[] labels)
    {
        double total = 0;
        foreach (var line in exposition.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (!match.Success || match.Groups["name"].Value != metric)
            {
                continue;
            }
            var labelText = match.Groups["labels"].Value;
            if (labels.All(label => labelText.Contains(label, StringComparison.Ordinal)))
            {
                total += double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }
        return total;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>[-+0-9.eE]+|NaN|\+Inf|-Inf)")]
    private static partial Regex SampleLine();
}
