namespace Cortex.Queue.Runtime.Sources;

/// <summary>
/// The local file or folder a configured model path leads to once downloaded, unpacked and narrowed to a version.
/// </summary>
/// <param name="Kind">Whether <see cref="LocalPath"/> is the configured path itself or a copy in the model cache.</param>
/// <param name="LocalPath">What the model format loads.</param>
/// <param name="Origin">The path as configured (an <c>s3://</c> URL, a <c>.zip</c>, or a folder).</param>
/// <param name="ObjectKeys">For S3 models: each local file and its object key.</param>
/// <param name="Version">The version folder a <c>specific</c> version policy chose, or null (the format then serves the highest).</param>
/// <param name="Downloaded">True when this resolution downloaded from S3 (false when it came from the cache or disk).</param>
public sealed record ResolvedModelSource(
    ModelSourceKind Kind, string LocalPath, string Origin, IReadOnlyDictionary<string, string> ObjectKeys, long? Version, bool Downloaded)
{
    /// <summary>
    /// Puts a load error about a cached copy in terms of where the model came from: the URL or archive, and the
    /// object whose local file the error names (a corrupt model file is a problem with that object).
    /// </summary>
    public string Explain(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Kind == ModelSourceKind.Local)
        {
            return message;
        }
        var culprit = ObjectKeys
            .Where(p => message.Contains(p.Key, StringComparison.Ordinal))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault()
            ?? (ObjectKeys.Count == 1 ? ObjectKeys.Values.Single() : null); // a single object (a .zip, a .onnx) is the culprit
        var objectNote = culprit is null ? string.Empty : $" object '{culprit}'";
        return $"model {Origin}{objectNote} (cached copy): {message}";
    }
}
