using System.Globalization;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// A tensor reference inside a function body: "arg" (a function argument), "node:out_arg:index", or "^node".
/// </summary>
public readonly record struct FunctionTensorName(string Node, string? OutputArgument, int Index, bool IsControl)
{
    public bool IsArgument => OutputArgument is null && !IsControl;

    public static FunctionTensorName Parse(string text)
    {
        if (text.StartsWith('^'))
        {
            return new FunctionTensorName(text[1..], null, -1, IsControl: true);
        }
        var parts = text.Split(':');
        return parts.Length switch
        {
            1 => new FunctionTensorName(parts[0], null, 0, false),
            2 => new FunctionTensorName(parts[0], parts[1], 0, false),
            3 => new FunctionTensorName(parts[0], parts[1], int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture), false),
            _ => throw new InvalidDataException($"'{text}' is not a function-body tensor reference"),
        };
    }
}
