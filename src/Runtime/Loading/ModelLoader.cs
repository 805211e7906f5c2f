using Cortex.Queue.Config;

namespace Cortex.Queue.Runtime.Loading;

/// <summary>
/// Loads the model an API declares, through the <see cref="IModelFormat"/> registered for its kind. Formats plug in
/// here, so adding one (TensorFlow SavedModels) changes no caller.
/// </summary>
public sealed class ModelLoader
{
    private readonly Dictionary<ModelKind, IModelFormat> _formats = [];

    public ModelLoader(IEnumerable<IModelFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        foreach (var format in formats)
        {
            if (!_formats.TryAdd(format.Kind, format))
            {
                throw new ArgumentException($"two model formats are registered for {format.Kind}", nameof(formats));
            }
        }
    }

    /// <summary>What ships today: ONNX models only.</summary>
    public static ModelLoader Default { get; } = new([new OnnxModelFormat()]);

    public bool IsSupported(ModelKind kind) => _formats.ContainsKey(kind);

    /// <summary>
    /// Loads <paramref name="config"/>'s model. A <c>signature_key</c> in the config applies unless
    /// <paramref name="options"/> names one. Errors are <see cref="ModelLoadException"/>s that name the cortex.yaml location.
    /// </summary>
    public IModel Load(ModelConfig config, ModelLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        if (config.IsS3)
        {
            throw new ModelLoadException(
                $"{config.Location}: s3:// models are not supported yet ({config.Path}); copy the model to a local folder and point model: at it");
        }
        if (!_formats.TryGetValue(config.Kind, out var format))
        {
            throw new ModelLoadException($"{config.Location}: {Unsupported(config.Kind)} (model: {config.Path})");
        }
        var effective = options.SignatureKey is null && config.SignatureKey is not null
            ? options with { SignatureKey = config.SignatureKey }
            : options;
        try
        {
            return format.Load(config.ResolvedPath, effective);
        }
        catch (ModelLoadException ex)
        {
            throw new ModelLoadException($"{config.Location}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable model folder is a deployment problem to report like a missing one, not a crash.
            throw new ModelLoadException($"{config.Location}: cannot read model {config.ResolvedPath}: {ex.Message}", ex);
        }
    }

    private static string Unsupported(ModelKind kind) => kind switch
    {
        ModelKind.TensorFlow =>
            "TensorFlow SavedModels are not supported yet; convert the model to ONNX (for example with tf2onnx) and declare it under onnx:",
        _ => $"{kind} models are not supported",
    };
}
