using Cortex.Queue.TensorFlow.Lowering.Ops;

namespace Cortex.Queue.TensorFlow.Lowering.Onnx;

/// <summary>The handler for each TensorFlow op Cortex can lower; anything absent is reported as unsupported at load time.</summary>
public sealed class OpLoweringRegistry
{
    private readonly Dictionary<string, IOpLowering> _handlers = new(StringComparer.Ordinal);

    public OpLoweringRegistry(IEnumerable<IOpLowering> handlers)
    {
        foreach (var handler in handlers)
        {
            foreach (var op in handler.Ops)
            {
                if (!_handlers.TryAdd(op, handler))
                {
                    throw new ArgumentException($"two handlers lower {op}", nameof(handlers));
                }
            }
        }
    }

    public static OpLoweringRegistry Default { get; } = new(
    [
        new ElementwiseBinaryLowering(),
        new DivisionLowering(),
        new ElementwiseUnaryLowering(),
        new ActivationLowering(),
        new MatMulLowering(),
        new BiasAddLowering(),
        new ConvolutionLowering(),
        new PoolingLowering(),
        new BatchNormLowering(),
        new ReductionLowering(),
        new ReshapeLowering(),
        new ShapeQueryLowering(),
        new ConcatLowering(),
        new StridedSliceLowering(),
        new SliceLowering(),
        new TransposeLowering(),
        new CastLowering(),
        new GatherLowering(),
        new ArgMinMaxLowering(),
        new FillLowering(),
        new PadLowering(),
        new TileLowering(),
        new SelectLowering(),
        new RangeLowering(),
        new OneHotLowering(),
        new RandomLowering(),
        new SplitLowering(),
        new PassThroughLowering(),
        new BroadcastToLowering(),
        new ReverseLowering(),
        new TopKLowering(),
        new CumulativeSumLowering(),
        new ResizeLowering(),
        new SpaceDepthLowering(),
        new LocalResponseNormLowering(),
        new ConvolutionTransposeLowering(),
        new BandPartLowering(),
        new BucketizeLowering(),
    ]);

    /// <summary>Ops the lowering handles itself, without a handler: constants and fed placeholders.</summary>
    public static IReadOnlySet<string> BuiltIn { get; } = new HashSet<string>(StringComparer.Ordinal) { SignatureGraph.ConstOp, SignatureGraph.PlaceholderOp };

    public IEnumerable<string> SupportedOps => _handlers.Keys.Concat(BuiltIn).Order(StringComparer.Ordinal);

    public bool IsSupported(string op) => BuiltIn.Contains(op) || _handlers.ContainsKey(op);

    public IOpLowering? Find(string op) => _handlers.GetValueOrDefault(op);
}
