namespace Cortex.Queue.Bench.Models;

/// <summary>A SavedModel fixture and how its PROVENANCE says to feed MNIST pixels to it.</summary>
public sealed record TensorFlowFixture(string Name, string Path, float PixelScale, string Preprocessing);
