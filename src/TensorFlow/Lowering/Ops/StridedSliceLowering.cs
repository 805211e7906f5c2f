using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// StridedSlice: a Python-style slice spec (begin/end/strides plus bit masks) becomes ONNX Slice over the axes the
/// spec addresses, Squeeze for shrunk axes and Unsqueeze for new ones. Spec entries before the ellipsis address
/// axes from the front and entries after it from the back (negative axes), so the input's rank is never needed.
/// Strides must be constant; begin and end may be computed at run time.
/// </summary>
public sealed class StridedSliceLowering : IOpLowering
{
    private const long Unbounded = long.MaxValue;
    private const long UnboundedBelow = long.MinValue;

    public IReadOnlyCollection<string> Ops { get; } = ["StridedSlice"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var strides = context.RequireInts(node, 3, "strides");
        var spec = new SliceSpec(node, strides.Length);
        var beginConstant = context.TryConstant(node, 1, out var beginTensor) ? Analysis.TensorShapesAnalysis.ToLongs(beginTensor.Data) : null;
        var endConstant = context.TryConstant(node, 2, out var endTensor) ? Analysis.TensorShapesAnalysis.ToLongs(endTensor.Data) : null;
        var begin = beginConstant is null ? context.InputAsInt64(node, 1) : null;
        var end = endConstant is null ? context.InputAsInt64(node, 2) : null;

        var starts = new List<Bound>();
        var ends = new List<Bound>();
        var axes = new List<long>();
        var steps = new List<long>();
        var squeezeAxes = new List<long>();
        foreach (var entry in spec.Entries.Where(e => e.InputAxis is not null))
        {
            var i = entry.Index;
            var stride = strides[i];
            var axis = entry.InputAxis!.Value;
            axes.Add(axis);
            if (spec.IsShrink(i))
            {
                steps.Add(1);
                starts.Add(Bound.Of(beginConstant, i));
                ends.Add(Bound.After(beginConstant, i));
                squeezeAxes.Add(axis);
                continue;
            }
            steps.Add(stride);
            starts.Add(spec.HasBit(node, "begin_mask", i) ? Bound.Constant(stride > 0 ? 0 : Unbounded) : Bound.Of(beginConstant, i));
            ends.Add(spec.HasBit(node, "end_mask", i) ? Bound.Constant(stride > 0 ? Unbounded : UnboundedBelow) : Bound.Of(endConstant, i));
        }

        var value = context.Input(node, 0);
        if (axes.Count > 0)
        {
            value = context.Emit("Slice", [value, Vector(context, starts, begin), Vector(context, ends, end, begin), context.Int64s([.. axes]), context.Int64s([.. steps])]);
        }
        if (squeezeAxes.Count > 0)
        {
            value = context.Emit("Squeeze", [value, context.Int64s([.. squeezeAxes])]);
        }
        var newAxes = spec.Entries.Where(e => e.NewOutputAxis is not null).Select(e => e.NewOutputAxis!.Value).ToArray();
        if (newAxes.Length > 0)
        {
            value = context.Emit("Unsqueeze", [value, context.Int64s(newAxes)]);
        }
        if (axes.Count == 0 && squeezeAxes.Count == 0 && newAxes.Length == 0)
        {
            value = context.Emit("Identity", [value]);
        }
        context.SetOutput(node, value);
    }

    /// <summary>A slice bound: a known number, or element <see cref="Index"/> of the run-time begin/end vector (plus one for shrinks).</summary>
    private readonly record struct Bound(long? Value, int Index, bool PlusOne)
    {
        public static Bound Constant(long value) => new(value, -1, false);

        public static Bound Of(long[]? constants, int index) => constants is null ? new(null, index, false) : Constant(constants[index]);

        /// <summary>End of a shrunk axis: begin + 1, where begin -1 (the last element) must end "past the end", not at 0.</summary>
        public static Bound After(long[]? constants, int index) =>
            constants is null ? new(null, index, true) : Constant(constants[index] == -1 ? Unbounded : constants[index] + 1);
    }

    private static string Vector(LoweringContext context, List<Bound> bounds, string? runtime, string? runtimeForPlusOne = null)
    {
        if (bounds.All(b => b.Value is not null))
        {
            return context.Int64s(bounds.Select(b => b.Value!.Value).ToArray());
        }
        var pieces = bounds.Select(b => b.Value is { } known ? context.Int64s(known) : RuntimePiece(context, b, b.PlusOne ? runtimeForPlusOne : runtime)).ToList();
        return pieces.Count == 1 ? pieces[0] : context.Emit("Concat", pieces, OnnxAttribute.Int("axis", 0));
    }

    private static string RuntimePiece(LoweringContext context, Bound bound, string? vector)
    {
        var element = context.Emit("Gather", [vector ?? throw new InvalidOperationException("missing run-time slice bound"), context.Int64s(bound.Index)], OnnxAttribute.Int("axis", 0));
        if (!bound.PlusOne)
        {
            return element;
        }
        var isLast = context.Emit("Equal", [element, context.Int64s(-1)]);
        return context.Emit("Where", [isLast, context.Int64s(Unbounded), context.Emit("Add", [element, context.Int64s(1)])]);
    }

    /// <summary>One entry of the slice spec: which input axis it slices (null for new axes) and which output axis it adds.</summary>
    private sealed record SpecEntry(int Index, long? InputAxis, long? NewOutputAxis);

    private sealed class SliceSpec
    {
        private readonly long _shrinkMask;

        public SliceSpec(FlatNode node, int length)
        {
            _shrinkMask = node.Int("shrink_axis_mask", 0);
            var ellipsisMask = node.Int("ellipsis_mask", 0);
            var newAxisMask = node.Int("new_axis_mask", 0);
            var ellipsis = Enumerable.Range(0, length).Where(i => (ellipsisMask & (1L << i)) != 0).Select(i => (int?)i).FirstOrDefault();
            var entries = new List<SpecEntry>();
            // Before the ellipsis (or everywhere, when there is none): axes counted from the front.
            long inputAxis = 0;
            long outputAxis = 0;
            var frontEnd = ellipsis ?? length;
            for (var i = 0; i < frontEnd; i++)
            {
                if ((newAxisMask & (1L << i)) != 0)
                {
                    entries.Add(new SpecEntry(i, null, outputAxis++));
                }
                else
                {
                    entries.Add(new SpecEntry(i, inputAxis++, null));
                    outputAxis += IsShrink(i) ? 0 : 1;
                }
            }
            if (ellipsis is { } e)
            {
                // After the ellipsis: axes counted from the back.
                long inputFromEnd = -1;
                long outputFromEnd = -1;
                for (var i = length - 1; i > e; i--)
                {
                    if ((newAxisMask & (1L << i)) != 0)
                    {
                        entries.Add(new SpecEntry(i, null, outputFromEnd--));
                    }
                    else
                    {
                        entries.Add(new SpecEntry(i, inputFromEnd--, null));
                        outputFromEnd -= IsShrink(i) ? 0 : 1;
                    }
                }
            }
            Entries = entries;
        }

        public IReadOnlyList<SpecEntry> Entries { get; }

        public bool IsShrink(int index) => (_shrinkMask & (1L << index)) != 0;

        public bool HasBit(FlatNode node, string mask, int index) => (node.Int(mask, 0) & (1L << index)) != 0;
    }
}
