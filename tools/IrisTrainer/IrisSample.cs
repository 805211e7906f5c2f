namespace Cortex.Queue.IrisTrainer;

/// <summary>One flower: sepal length, sepal width, petal length, petal width (cm), and its species' class index.</summary>
public sealed record IrisSample(float[] Measurements, int Species);
