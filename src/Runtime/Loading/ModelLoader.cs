using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Runtime.Loading;

/// <summary>
/// Loads the model an API declares: <see cref="ModelSourceResolver"/> makes the path local (s3:// download, .zip
/// unpacking, a specific version), then the <see cref="IModelFormat"/> registered for its kind loads it. Formats plug
/// in here, so adding one (TensorFlow SavedModels) changes no caller.
/// </summary>
public sealed class ModelLoader
{
    private readonly Dictionary<ModelKind, IModelFormat> _formats = [];
    private readonly ModelSourceResolver? _sources;

    /// <summary>A loader over <paramref name="formats"/>; <paramref name="sources"/> null uses <see cref="ModelSourceResolver.Default"/> (read on first load).</summary>
    public ModelLoader(IEnumerable<IModelFormat> formats, ModelSourceResolver? sources = null)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _sources = sources;
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
        if (!_formats.TryGetValue(config.Kind, out var format))
        {
            throw new ModelLoadException($"{config.Location}: {Unsupported(config.Kind)} (model: {config.Path})");
        }
        var effective = options.SignatureKey is null && config.SignatureKey is not null
            ? options with { SignatureKey = config.SignatureKey }
            : options;
        try
        {
            var source = (_sources ?? ModelSourceResolver.Default).Resolve(config.ResolvedPath, effective);
            try
            {
                return format.Load(source.LocalPath, effective);
            }
            catch (ModelLoadException ex) when (source.Kind != ModelSourceKind.Local)
            {
                throw new ModelLoadException(source.Explain(ex.Message), ex);
            }
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
