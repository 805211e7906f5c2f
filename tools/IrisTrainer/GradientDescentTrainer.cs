namespace Cortex.Queue.IrisTrainer;

/// <summary>
/// Full-batch gradient descent on mean cross-entropy. Full batches and a fixed sample order keep training
/// deterministic: the same data and seed always give the same weights.
/// </summary>
public static class GradientDescentTrainer
{
    public static void Train(MlpClassifier model, IReadOnlyList<(double[] X, int Label)> samples, int epochs, double learningRate)
    {
        var gradW1 = new double[model.W1.Length];
        var gradB1 = new double[model.B1.Length];
        var gradW2 = new double[model.W2.Length];
        var gradB2 = new double[model.B2.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradW1);
            Array.Clear(gradB1);
            Array.Clear(gradW2);
            Array.Clear(gradB2);
            foreach (var (x, label) in samples)
            {
                var (hidden, probabilities) = model.Forward(x);
                // d(cross-entropy)/d(logit) = p - onehot(label).
                var dLogits = probabilities.Select((p, c) => p - (c == label ? 1.0 : 0.0)).ToArray();
                var dHidden = new double[model.Hidden];
                for (var h = 0; h < model.Hidden; h++)
                {
                    for (var c = 0; c < model.Classes; c++)
                    {
                        gradW2[h * model.Classes + c] += hidden[h] * dLogits[c];
                        dHidden[h] += model.W2[h * model.Classes + c] * dLogits[c];
                    }
                    if (hidden[h] <= 0)
                    {
                        dHidden[h] = 0;
                    }
                }
                for (var c = 0; c < model.Classes; c++)
                {
                    gradB2[c] += dLogits[c];
                }
                for (var h = 0; h < model.Hidden; h++)
                {
                    gradB1[h] += dHidden[h];
                    for (var i = 0; i < model.Inputs; i++)
                    {
                        gradW1[i * model.Hidden + h] += x[i] * dHidden[h];
                    }
                }
            }
            var step = learningRate / samples.Count;
            Descend(model.W1, gradW1, step);
            Descend(model.B1, gradB1, step);
            Descend(model.W2, gradW2, step);
            Descend(model.B2, gradB2, step);
        }
    }

    private static void Descend(double[] weights, double[] gradient, double step)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] -= step * gradient[i];
        }
    }
}
