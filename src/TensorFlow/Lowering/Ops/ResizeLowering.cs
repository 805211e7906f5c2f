using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Image resizing on NHWC data. Resize's axes (opset 18+) let the new [height, width] apply to axes 1 and 2 directly;
/// TF's align_corners and half_pixel_centers flags pick the matching coordinate transformation and rounding.
/// </summary>
public sealed class ResizeLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["ResizeBilinear", "ResizeNearestNeighbor"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var nearest = node.Op == "ResizeNearestNeighbor";
        var alignCorners = node.Bool("align_corners");
        var halfPixel = node.Bool("half_pixel_centers");
        var transformation = (alignCorners, halfPixel, nearest) switch
        {
            (true, _, _) => "align_corners",
            (false, true, true) => "tf_half_pixel_for_nn",
            (false, true, false) => "half_pixel",
            _ => "asymmetric",
        };
        var attributes = new List<Runtime.Onnx.Protos.AttributeProto>
        {
            OnnxAttribute.String("mode", nearest ? "nearest" : "linear"),
            OnnxAttribute.String("coordinate_transformation_mode", transformation),
            OnnxAttribute.Ints("axes", [1, 2]),
        };
        if (nearest)
        {
            attributes.Add(OnnxAttribute.String("nearest_mode", alignCorners ? "round_prefer_ceil" : "floor"));
        }
        var x = context.Input(node, 0);
        var size = context.InputAsInt64(node, 1);
        context.SetOutput(node, context.Emit("Resize", [x, string.Empty, string.Empty, size], [.. attributes]));
    }
}
