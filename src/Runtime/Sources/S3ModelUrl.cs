namespace Cortex.Queue.Runtime.Sources;

/// <summary>An <c>s3://bucket/prefix</c> model location. <see cref="Prefix"/> is the key prefix as written (may be empty).</summary>
public sealed record S3ModelUrl(string Bucket, string Prefix)
{
    private const string Scheme = "s3://";

    public static bool IsS3(string path) => path.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; throws <see cref="ModelLoadException"/> when there is no bucket.</summary>
    public static S3ModelUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsS3(url))
        {
            throw new ModelLoadException($"expected an s3://bucket/prefix URL, got '{url}'");
        }
        var rest = url[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        return bucket.Length == 0
            ? throw new ModelLoadException($"expected an s3://bucket/prefix URL, got '{url}' (no bucket)")
            : new S3ModelUrl(bucket, prefix);
    }

    /// <summary>The prefix as a folder ("models/iris/"), or empty for the whole bucket.</summary>
    public string FolderPrefix => Prefix.Length == 0 || Prefix.EndsWith('/') ? Prefix : Prefix + "/";

    public override string ToString() => $"{Scheme}{Bucket}/{Prefix}";
}
