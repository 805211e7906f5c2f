using Cortex.Queue.Runtime;

namespace Cortex.Queue.Bench.Models;

/// <summary>
/// A model to time with <see cref="IModel.Run"/>, the ONNX file ONNX Runtime runs underneath it (the baseline, run
/// bare), and the pixel scale its inputs take.
/// </summary>
public sealed record InferenceSubject(string Title, IModel Model, string OnnxPath, float PixelScale);
