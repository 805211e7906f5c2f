namespace Cortex.Queue.Config;

/// <summary>The <c>tensorflow:</c> or <c>onnx:</c> block of an API.</summary>
public sealed record ModelConfig
{
    public required ModelKind Kind { get; init; }

    /// <summary>As written: a path relative to the cortex.yaml folder, an absolute path, or an <c>s3://bucket/prefix</c> URL.</summary>
    public required string Path { get; init; }

    /// <summary><see cref="Path"/> made absolute against the cortex.yaml folder; unchanged for s3:// URLs.</summary>
    public required string ResolvedPath { get; init; }

    /// <summary>Handler file relative to the cortex.yaml folder, or null.</summary>
    public string? RequestHandler { get; init; }

    /// <summary><see cref="RequestHandler"/> made absolute against the cortex.yaml folder (checked to exist); unchanged for s3:// URLs; null when none.</summary>
    public string? RequestHandlerPath { get; init; }

    /// <summary>Location of the <c>request_handler:</c> value, for errors found when the handler is compiled; null when none.</summary>
    public SourceLocation? RequestHandlerLocation { get; init; }

    /// <summary>Signature to serve (TensorFlow only); null lets the runtime apply Cortex's selection rules.</summary>
    public string? SignatureKey { get; init; }

    /// <summary>
    /// TF Serving's "specific" version policy: serve the highest of these version folders that exists (null: the
    /// highest version folder of all).
    /// </summary>
    public IReadOnlyList<long>? Versions { get; init; }

    /// <summary>Location of the <c>model:</c> value, for errors found when the model is loaded.</summary>
    public required SourceLocation Location { get; init; }

    public bool IsS3 => Path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);
}
