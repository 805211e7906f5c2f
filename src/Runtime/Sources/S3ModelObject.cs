namespace Cortex.Queue.Runtime.Sources;

/// <summary>One object of a model under an S3 prefix, with where it goes relative to the local model folder.</summary>
/// <param name="ETag">As S3 reports it, quotes removed: the MD5 of the content for single-part, unencrypted or SSE-S3 uploads.</param>
public sealed record S3ModelObject(string Key, string RelativePath, long Size, string ETag)
{
    /// <summary>True when <see cref="ETag"/> looks like an MD5 (32 hex digits); multipart ETags end in "-parts".</summary>
    public bool ETagIsContentMd5 => ETag.Length == 32 && ETag.All(char.IsAsciiHexDigit);
}
