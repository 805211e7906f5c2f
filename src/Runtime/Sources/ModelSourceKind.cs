namespace Cortex.Queue.Runtime.Sources;

/// <summary>Where a model's files are read from.</summary>
public enum ModelSourceKind
{
    /// <summary>A local file or folder, used in place.</summary>
    Local,

    /// <summary>A local <c>.zip</c>, unpacked into the model cache.</summary>
    Archive,

    /// <summary>An <c>s3://</c> prefix or object, downloaded into the model cache (and unpacked when it is a <c>.zip</c>).</summary>
    S3,
}
