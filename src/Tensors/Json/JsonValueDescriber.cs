using System.Text;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>Short, user-facing descriptions of JSON values for error messages ("3.5", "a list of 3", "an object").</summary>
internal static class JsonValueDescriber
{
    private const int MaxLiteralLength = 40;

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => $"a list of {element.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => Shorten(element.GetRawText()),
    };

    /// <summary>Like <see cref="Describe"/>, but a nested list is described by its whole shape (following first items).</summary>
    public static string DescribeNested(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return Describe(element);
        }
        var dims = new List<int>();
        var cursor = element;
        while (cursor.ValueKind == JsonValueKind.Array)
        {
            var length = cursor.GetArrayLength();
            dims.Add(length);
            if (length == 0)
            {
                break;
            }
            cursor = cursor[0];
        }
        return dims.Count == 1 ? $"a list of {dims[0]}" : $"a nested list of shape [{string.Join(", ", dims)}]";
    }

    public static string Path(string name, ReadOnlySpan<int> indices)
    {
        var builder = new StringBuilder(name);
        foreach (var index in indices)
        {
            builder.Append('[').Append(index).Append(']');
        }
        return builder.ToString();
    }

    public static string FirstItemPath(string name, int depth)
    {
        var builder = new StringBuilder(name);
        for (var i = 0; i < depth; i++)
        {
            builder.Append("[0]");
        }
        return builder.ToString();
    }

    private static string Shorten(string literal) =>
        literal.Length <= MaxLiteralLength ? literal : string.Concat(literal.AsSpan(0, MaxLiteralLength - 3), "...");
}
