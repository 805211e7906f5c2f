namespace Cortex.Queue.IrisTrainer;

/// <summary>
/// Per-measurement mean and standard deviation of the training data. Stored in the model (Sub, Div) so callers
/// send raw centimetres, while training sees inputs of similar scale and converges with one learning rate.
/// </summary>
public sealed record FeatureScaling(float[] Mean, float[] StandardDeviation)
{
    public static FeatureScaling Fit(IReadOnlyList<IrisSample> samples)
    {
        var count = samples[0].Measurements.Length;
        var mean = new float[count];
        var deviation = new float[count];
        for (var j = 0; j < count; j++)
        {
            var values = samples.Select(s => (double)s.Measurements[j]).ToArray();
            var average = values.Average();
            mean[j] = (float)average;
            deviation[j] = (float)Math.Sqrt(values.Sum(v => (v - average) * (v - average)) / values.Length);
        }
        return new FeatureScaling(mean, deviation);
    }

    public double[] Apply(float[] measurements) =>
        measurements.Select((value, j) => ((double)value - Mean[j]) / StandardDeviation[j]).ToArray();
}
