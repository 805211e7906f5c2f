using System.Globalization;
using System.Text.RegularExpressions;

namespace Cortex.Queue.Integration.Tests.Dashboard;

/// <summary>Reads the charts out of the dashboard's DOM: each SVG's API and chart name, and the marks plotted in it.</summary>
public static partial class DashboardDom
{
    public sealed record Mark(string Series, string Start, double Value);

    public sealed record Chart(string Api, string Name, IReadOnlyList<Mark> Marks);

    public static IReadOnlyList<Chart> Charts(string dom) =>
        SvgElement().Matches(dom).Select(svg => new Chart(
            Attribute(svg.Groups["attributes"].Value, "data-api") ?? "",
            Attribute(svg.Groups["attributes"].Value, "data-chart") ?? "",
            MarkElement().Matches(svg.Groups["body"].Value)
                .Select(mark => mark.Groups["attributes"].Value)
                .Where(attributes => Attribute(attributes, "data-value") is not null)
                .Select(attributes => new Mark(
                    Attribute(attributes, "data-series")!,
                    Attribute(attributes, "data-start")!,
                    double.Parse(Attribute(attributes, "data-value")!, CultureInfo.InvariantCulture)))
                .ToArray())).ToArray();

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"""\b{Regex.Escape(name)}="(?<value>[^"]*)" """.TrimEnd());
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value) : null;
    }

    [GeneratedRegex("""<svg\b(?<attributes>[^>]*)>(?<body>.*?)</svg>""", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("""<(?:circle|rect)\b(?<attributes>[^>]*)>""")]
    private static partial Regex MarkElement();
}
