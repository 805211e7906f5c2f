using System.Globalization;
using Cortex.Queue.IrisTrainer;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

// Trains the iris example's classifier and writes it as ONNX (examples/iris-classifier/model.onnx) and as a
// TensorFlow SavedModel (examples/iris-classifier/savedmodel/1/).
// Usage: IrisTrainer [--data path/iris.csv] [--out path/model.onnx] [--savedmodel path/savedmodel/1]
// With neither --out nor --savedmodel both are written to the example; with one, only that one.
const int Seed = 20240601;
const int HiddenUnits = 16;
const int Epochs = 3000;
const double LearningRate = 0.1;
const string Usage = "Usage: IrisTrainer [--data iris.csv] [--out model.onnx] [--savedmodel savedmodel/1]";

string? dataPath = null;
string? onnxPath = null;
string? savedModelPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length:
            dataPath = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            onnxPath = args[++i];
            break;
        case "--savedmodel" when i + 1 < args.Length:
            savedModelPath = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. {Usage}");
            return 2;
    }
}
if (dataPath is null || (onnxPath is null && savedModelPath is null))
{
    var example = Path.Combine(RepositoryPaths.FindRoot(Directory.GetCurrentDirectory()), "examples", "iris-classifier");
    dataPath ??= Path.Combine(example, "data", "iris.csv");
    if (onnxPath is null && savedModelPath is null)
    {
        onnxPath = Path.Combine(example, "model.onnx");
        savedModelPath = Path.Combine(example, "savedmodel", "1");
    }
}

var samples = IrisDataset.Load(dataPath);
var scaling = FeatureScaling.Fit(samples);
var standardized = samples.Select(s => (scaling.Apply(s.Measurements), s.Species)).ToArray();

var model = new MlpClassifier(IrisDataset.MeasurementCount, HiddenUnits, IrisDataset.SpeciesNames.Count, Seed);
GradientDescentTrainer.Train(model, standardized, Epochs, LearningRate);
var trainingAccuracy = standardized.Count(s => model.Predict(s.Item1) == s.Species) / (double)samples.Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{samples.Count} samples, {Epochs} epochs: training accuracy {trainingAccuracy:F4}"));

// Each written model is scored again as loaded back, so what was saved is what was measured.
var batch = new Tensor(TensorDataType.Float32, [samples.Count, IrisDataset.MeasurementCount], samples.SelectMany(s => s.Measurements).ToArray());
if (onnxPath is not null)
{
    var onnx = IrisOnnxExporter.Export(model, scaling);
    File.WriteAllBytes(onnxPath, onnx);
    using var exported = OnnxModel.FromBytes(onnx, onnxPath);
    Report(onnxPath, $"{onnx.Length} bytes", "ONNX Runtime", Accuracy(exported));
}
if (savedModelPath is not null)
{
    IrisSavedModelExporter.Export(model, scaling, savedModelPath);
    using var exported = TensorFlowModel.Load(savedModelPath);
    Report(savedModelPath, "TensorFlow SavedModel", "TensorFlowModel", Accuracy(exported));
}
return 0;

double Accuracy(IModel written)
{
    var predicted = (long[])written.Run(new Dictionary<string, Tensor> { ["input"] = batch })["class_index"].Data;
    return samples.Where((s, i) => predicted[i] == s.Species).Count() / (double)samples.Count;
}

static void Report(string path, string what, string runtime, double accuracy) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({what}); accuracy through {runtime}: {accuracy:F4}"));
