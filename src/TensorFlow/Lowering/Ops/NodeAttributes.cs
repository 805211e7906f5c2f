using System.Text;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Typed reads of TensorFlow node attrs with the defaults their op definitions declare.</summary>
internal static class NodeAttributes
{
    public static long Int(this FlatNode node, string name, long defaultValue) =>
        node.Attribute(name) is { ValueCase: AttrValue.ValueOneofCase.I } value ? value.I : defaultValue;

    public static float Float(this FlatNode node, string name, float defaultValue) =>
        node.Attribute(name) is { ValueCase: AttrValue.ValueOneofCase.F } value ? value.F : defaultValue;

    public static bool Bool(this FlatNode node, string name, bool defaultValue = false) =>
        node.Attribute(name) is { ValueCase: AttrValue.ValueOneofCase.B } value ? value.B : defaultValue;

    public static string String(this FlatNode node, string name, string defaultValue) =>
        node.Attribute(name) is { ValueCase: AttrValue.ValueOneofCase.S } value ? Encoding.UTF8.GetString(value.S.Span) : defaultValue;

    public static long[] Ints(this FlatNode node, string name) =>
        node.Attribute(name)?.List?.I.ToArray() ?? [];

    public static DataType? Type(this FlatNode node, string name) =>
        node.Attribute(name) is { ValueCase: AttrValue.ValueOneofCase.Type } value ? value.Type : null;

    /// <summary>"NHWC" (TensorFlow's default) or "NCHW" (also "NDHWC"/"NCDHW" for 3-D ops).</summary>
    public static bool IsChannelsFirst(this FlatNode node) => node.String("data_format", "NHWC").StartsWith("NC", StringComparison.Ordinal);
}
