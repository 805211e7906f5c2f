namespace Cortex.Queue.IrisTrainer;

/// <summary>
/// A one-hidden-layer perceptron: logits = relu(x · W1 + b1) · W2 + b2. Weight matrices are [in, out] row-major,
/// the layout ONNX MatMul takes without a transpose.
/// </summary>
public sealed class MlpClassifier
{
    public MlpClassifier(int inputs, int hidden, int classes, int seed)
    {
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        W1 = new double[inputs * hidden];
        B1 = new double[hidden];
        W2 = new double[hidden * classes];
        B2 = new double[classes];
        // He-style uniform start for ReLU units; a fixed seed makes every run write the same model bytes.
        var random = new Random(seed);
        var limit1 = Math.Sqrt(6.0 / inputs);
        var limit2 = Math.Sqrt(6.0 / hidden);
        for (var i = 0; i < W1.Length; i++)
        {
            W1[i] = (random.NextDouble() * 2 - 1) * limit1;
        }
        for (var i = 0; i < W2.Length; i++)
        {
            W2[i] = (random.NextDouble() * 2 - 1) * limit2;
        }
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    public double[] W1 { get; }

    public double[] B1 { get; }

    public double[] W2 { get; }

    public double[] B2 { get; }

    /// <summary>Hidden activations (after ReLU) and class probabilities for one standardized sample.</summary>
    public (double[] Hidden, double[] Probabilities) Forward(double[] x)
    {
        var hidden = new double[Hidden];
        for (var h = 0; h < Hidden; h++)
        {
            var sum = B1[h];
            for (var i = 0; i < Inputs; i++)
            {
                sum += x[i] * W1[i * Hidden + h];
            }
            hidden[h] = Math.Max(0, sum);
        }
        var logits = new double[Classes];
        for (var c = 0; c < Classes; c++)
        {
            var sum = B2[c];
            for (var h = 0; h < Hidden; h++)
            {
                sum += hidden[h] * W2[h * Classes + c];
            }
            logits[c] = sum;
        }
        return (hidden, Softmax(logits));
    }

    public int Predict(double[] x)
    {
        var probabilities = Forward(x).Probabilities;
        return Array.IndexOf(probabilities, probabilities.Max());
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exps = logits.Select(l => Math.Exp(l - max)).ToArray();
        var total = exps.Sum();
        return exps.Select(e => e / total).ToArray();
    }
}
