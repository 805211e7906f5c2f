using Cortex.Queue.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>
/// An ONNX model on one ONNX Runtime <see cref="InferenceSession"/>. <see cref="Run"/> may be called from many
/// threads at once: the session is thread-safe and each call brings its own inputs and run options.
/// </summary>
public sealed class OnnxModel : IModel
{
    /// <summary>ONNX models carry no signature keys; Cortex reports their one signature under TF Serving's default key.</summary>
    public const string SignatureKey = "serving_default";

    private readonly InferenceSession _session;
    private readonly SessionOptions _sessionOptions;
    private readonly string[] _outputNames;
    private int _disposed;

    private OnnxModel(OpenedSession opened, string description)
    {
        _session = opened.Session;
        _sessionOptions = opened.Options;
        Description = description;
        ExecutionProvider = opened.ExecutionProvider;
        Warnings = opened.Warnings;
        try
        {
            Signature = OnnxSignatureReader.Read(_session, description);
        }
        catch
        {
            Dispose();
            throw;
        }
        _outputNames = Signature.Outputs.Select(o => o.Name).ToArray();
    }

    public ModelSignature Signature { get; }

    public string Description { get; }

    /// <summary>"CUDA" or "CPU": where the session actually runs.</summary>
    public string ExecutionProvider { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Loads a <c>.onnx</c> file. <paramref name="description"/> defaults to the path and appears in every message.</summary>
    public static OnnxModel Load(string onnxFilePath, ModelLoadOptions? options = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(onnxFilePath);
        var label = description ?? onnxFilePath;
        if (!File.Exists(onnxFilePath))
        {
            throw new ModelLoadException($"ONNX model file not found: {onnxFilePath}");
        }
        var opened = OnnxSessionFactory.Open(o => new InferenceSession(onnxFilePath, o), options ?? new ModelLoadOptions(), label);
        return new OnnxModel(opened, label);
    }

    /// <summary>Loads a model held in memory, such as one just written by <c>OnnxGraphBuilder</c> or lowered from a SavedModel.</summary>
    public static OnnxModel FromBytes(byte[] onnxModel, string description, ModelLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(onnxModel);
        ArgumentException.ThrowIfNullOrEmpty(description);
        var opened = OnnxSessionFactory.Open(o => new InferenceSession(onnxModel, o), options ?? new ModelLoadOptions(), description);
        return new OnnxModel(opened, description);
    }

    /// <summary>
    /// Runs one batch. Throws <see cref="ArgumentException"/> when the inputs do not fit the signature (a caller's
    /// mistake) and <see cref="InvalidOperationException"/> when ONNX Runtime fails on inputs that did fit.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        InputValidator.Check(Signature, inputs);

        using var ortInputs = new OrtInputs();
        foreach (var spec in Signature.Inputs)
        {
            ortInputs.Add(spec.Name, inputs[spec.Name]);
        }
        // ONNX Runtime 1.31 rejects a null RunOptions, and per-call options keep concurrent runs independent.
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = _session.Run(runOptions, ortInputs.Names, ortInputs.Values, _outputNames);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidOperationException($"{Description} failed to run: {ex.Message}", ex);
        }
        using (results)
        {
            var outputs = new Dictionary<string, Tensor>(_outputNames.Length, StringComparer.Ordinal);
            var index = 0;
            foreach (var value in results)
            {
                var name = _outputNames[index++];
                outputs[name] = OrtOutputs.ToTensor(name, value);
            }
            return outputs;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _session.Dispose();
        _sessionOptions.Dispose();
    }
}
