namespace Cortex.Queue.Runtime.Onnx;

/// <summary>The IR version that came with each ai.onnx opset, so a written model declares the oldest IR its opset allows.</summary>
public static class OnnxIrVersions
{
    public const int MinimumOpset = 7;

    public const int MaximumOpset = 23;

    public static long ForOpset(int opset) => opset switch
    {
        < MinimumOpset or > MaximumOpset => throw new ArgumentOutOfRangeException(
            nameof(opset), opset, $"Cortex writes ai.onnx opsets {MinimumOpset} to {MaximumOpset}"),
        <= 8 => 3,
        9 => 4,
        10 => 5,
        11 => 6,
        <= 14 => 7,
        <= 18 => 8,
        <= 20 => 9,
        <= 22 => 10,
        _ => 11,
    };
}
