using System.Globalization;
using Cortex.Queue.IrisTrainer;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Tensors;

// Trains the iris example's classifier and writes examples/iris-classifier/model.onnx.
// Usage: IrisTrainer [--data path/iris.csv] [--out path/model.onnx]
const int Seed = 20240601;
const int HiddenUnits = 16;
const int Epochs = 3000;
const double LearningRate = 0.1;

string? dataPath = null;
string? outputPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length:
            dataPath = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            outputPath = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: IrisTrainer [--data iris.csv] [--out model.onnx]");
            return 2;
    }
}
if (dataPath is null || outputPath is null)
{
    var example = Path.Combine(RepositoryPaths.FindRoot(Directory.GetCurrentDirectory()), "examples", "iris-classifier");
    dataPath ??= Path.Combine(example, "data", "iris.csv");
    outputPath ??= Path.Combine(example, "model.onnx");
}

var samples = IrisDataset.Load(dataPath);
var scaling = FeatureScaling.Fit(samples);
var standardized = samples.Select(s => (scaling.Apply(s.Measurements), s.Species)).ToArray();

var model = new MlpClassifier(IrisDataset.MeasurementCount, HiddenUnits, IrisDataset.SpeciesNames.Count, Seed);
GradientDescentTrainer.Train(model, standardized, Epochs, LearningRate);
var trainingAccuracy = standardized.Count(s => model.Predict(s.Item1) == s.Species) / (double)samples.Count;

var onnx = IrisOnnxExporter.Export(model, scaling);
File.WriteAllBytes(outputPath, onnx);

// Score the written file through ONNX Runtime too, so what was saved is what was measured.
using var exported = OnnxModel.FromBytes(onnx, outputPath);
var batch = new Tensor(TensorDataType.Float32, [samples.Count, IrisDataset.MeasurementCount], samples.SelectMany(s => s.Measurements).ToArray());
var predicted = (long[])exported.Run(new Dictionary<string, Tensor> { ["input"] = batch })["class_index"].Data;
var onnxAccuracy = samples.Where((s, i) => predicted[i] == s.Species).Count() / (double)samples.Count;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{samples.Count} samples, {Epochs} epochs: training accuracy {trainingAccuracy:F4} (ONNX Runtime on the written model: {onnxAccuracy:F4})"));
Console.WriteLine($"wrote {outputPath} ({onnx.Length} bytes)");
return 0;
