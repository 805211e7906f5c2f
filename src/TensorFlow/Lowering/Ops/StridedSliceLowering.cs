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
    public IReadOnlyCollection<string> Ops { get; } = ["StridedSlice"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var strides = context.RequireInts(node, 3, "strides");
        var spec = new SliceSpec(node, strides.Length);
        var beginConstant = context.TryConstant(node, 1, out var beginTensor) ? Analysis.TensorShapesAnalysis.ToLongs(beginTensor.Data) : null;
        var endConstant = context.TryConstant(node, 2, out var endTensor) ? Analysis.TensorShapesAnalysis.ToLongs(endTensor.Data) : null;
        var begin = beginConstant is null ? context.InputAsInt64(node, 1) : null;
        var end = endConstant is null ? context.InputAsInt64(node, 2) : null;

        var starts = new List<SliceBound>();
        var ends = new List<SliceBound>();
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
                starts.Add(SliceBound.Of(beginConstant, i));
                ends.Add(SliceBound.After(beginConstant, i));
                squeezeAxes.Add(axis);
                continue;
            }
            steps.Add(stride);
            starts.Add(SliceSpec.HasBit(node, "begin_mask", i) ? SliceBound.Constant(stride > 0 ? 0 : SliceBound.Unbounded) : SliceBound.Of(beginConstant, i));
            ends.Add(SliceSpec.HasBit(node, "end_mask", i) ? SliceBound.Constant(stride > 0 ? SliceBound.Unbounded : SliceBound.UnboundedBelow) : SliceBound.Of(endConstant, i));
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

    private static string Vector(LoweringContext context, List<SliceBound> bounds, string? runtime, string? runtimeForPlusOne = null)
    {
        if (bounds.All(b => b.Value is not null))
        {
            return context.Int64s(bounds.Select(b => b.Value!.Value).ToArray());
        }
        var pieces = bounds.Select(b => b.Value is { } known ? context.Int64s(known) : RuntimePiece(context, b, b.PlusOne ? runtimeForPlusOne : runtime)).ToList();
        return pieces.Count == 1 ? pieces[0] : context.Emit("Concat", pieces, OnnxAttribute.Int("axis", 0));
    }

    private static string RuntimePiece(LoweringContext context, SliceBound bound, string? vector)
    {
        var element = context.Emit("Gather", [vector ?? throw new InvalidOperationException("missing run-time slice bound"), context.Int64s(bound.Index)], OnnxAttribute.Int("axis", 0));
        if (!bound.PlusOne)
        {
            return element;
        }
        var isLast = context.Emit("Equal", [element, context.Int64s(-1)]);
        return context.Emit("Where", [isLast, context.Int64s(SliceBound.Unbounded), context.Emit("Add", [element, context.Int64s(1)])]);
    }
}
