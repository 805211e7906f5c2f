using System.Diagnostics;
using System.Globalization;
using Cortex.Queue.Bench.Data;
using Cortex.Queue.Tensors;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace Cortex.Queue.Bench.Models;

/// <summary>
/// Samples per second of <c>IModel.Run</c> at fixed batch sizes on one thread, beside the same ONNX graph run by a
/// bare <see cref="InferenceSession"/> with the same session settings and inputs prepared once (the floor Cortex's
/// tensor conversion and output copies sit on).
/// </summary>
public sealed class InferenceBenchmark(double seconds, TextWriter log)
{
    private const int MaxRunsPerSegment = 1_000_000;
    private const int SegmentsPerPath = 4;
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(300);

    public IReadOnlyList<InferenceResult> Run(InferenceSubject subject, MnistTestSet images, IReadOnlyList<int> batchSizes)
    {
        var results = new List<InferenceResult>();
        using var sessionOptions = new SessionOptions();
        // The same settings Cortex's session factory applies by default (no spinning threads between runs).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        using var session = new InferenceSession(subject.OnnxPath, sessionOptions);
        using var runOptions = new RunOptions();
        var spec = subject.Model.Signature.Inputs.Single();
        var bareInput = session.InputMetadata.Keys.Single();
        var bareOutputs = session.OutputMetadata.Keys.ToArray();

        foreach (var batchSize in batchSizes)
        {
            var data = images.Stack(batchSize, subject.PixelScale);
            var shape = spec.Shape.Select((dimension, axis) => axis == 0 ? batchSize : dimension).ToArray();
            var inputs = new Dictionary<string, Tensor>(StringComparer.Ordinal) { [spec.Name] = new Tensor(TensorDataType.Float32, shape, data) };
            using var bareValue = OrtValue.CreateTensorValueFromMemory(data, shape);
            OrtValue[] bareValues = [bareValue];
            string[] bareNames = [bareInput];

            void RunCortex() => subject.Model.Run(inputs);
            void RunBare()
            {
                using var outputs = session.Run(runOptions, bareNames, bareValues, bareOutputs);
            }

            Time(RunCortex, Warmup);
            Time(RunBare, Warmup);
            // Short alternating segments (A-B-B-A twice) spread whatever else the machine does over both alike.
            var segment = TimeSpan.FromSeconds(seconds / SegmentsPerPath);
            var cortex = new List<double>();
            var bare = new List<double>();
            for (var round = 0; round < SegmentsPerPath / 2; round++)
            {
                cortex.AddRange(Time(RunCortex, segment));
                bare.AddRange(Time(RunBare, segment));
                bare.AddRange(Time(RunBare, segment));
                cortex.AddRange(Time(RunCortex, segment));
            }

            var result = new InferenceResult(
                subject.Title,
                batchSize,
                SamplesPerSecond(cortex, batchSize),
                Median(cortex),
                SamplesPerSecond(bare, batchSize),
                Median(bare));
            results.Add(result);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  batch {batchSize,3}: IModel.Run {result.CortexSamplesPerSecond,10:0} samples/s ({result.CortexMedianRunMs:0.000} ms/run), bare ONNX Runtime {result.BareSamplesPerSecond,10:0} samples/s ({result.BareMedianRunMs:0.000} ms/run), ratio {result.Ratio:0.00}"));
        }
        return results;
    }

    /// <summary>Runs <paramref name="action"/> back to back for <paramref name="duration"/> (at least once, at most a fixed count).</summary>
    private static List<double> Time(Action action, TimeSpan duration)
    {
        var runsMs = new List<double>();
        var clock = Stopwatch.StartNew();
        do
        {
            var started = Stopwatch.GetTimestamp();
            action();
            runsMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        while (clock.Elapsed < duration && runsMs.Count < MaxRunsPerSegment);
        return runsMs;
    }

    private static double SamplesPerSecond(List<double> runsMs, int batchSize) => runsMs.Count * batchSize / (runsMs.Sum() / 1000.0);

    private static double Median(List<double> runsMs)
    {
        var sorted = runsMs.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
