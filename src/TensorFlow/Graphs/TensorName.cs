using System.Globalization;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// A graph tensor reference as a GraphDef input or a TF1 SignatureDef spells it: "node", "node:2", or "^node"
/// (a control edge, which carries no value).
/// </summary>
public readonly record struct TensorName(string Node, int Output, bool IsControl = false)
{
    public static TensorName Parse(string text)
    {
        if (text.StartsWith('^'))
        {
            return new TensorName(text[1..], -1, IsControl: true);
        }
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var output))
        {
            return new TensorName(text[..colon], output);
        }
        return new TensorName(text, 0);
    }

    public override string ToString() => IsControl ? "^" + Node : $"{Node}:{Output}";
}
