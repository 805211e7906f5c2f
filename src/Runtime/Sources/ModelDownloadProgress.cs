namespace Cortex.Queue.Runtime.Sources;

/// <summary>How far a model download has come, in bytes and objects, for a progress bar.</summary>
/// <param name="Source">The URL being downloaded (<c>s3://bucket/prefix</c>).</param>
/// <param name="BytesDone">Bytes written to the cache so far, over every object.</param>
/// <param name="BytesTotal">Bytes the listing promised, over every object.</param>
/// <param name="ObjectsDone">Objects completely downloaded and verified.</param>
/// <param name="ObjectsTotal">Objects to download.</param>
/// <param name="CurrentKey">The object being downloaded, or null once all are done.</param>
public sealed record ModelDownloadProgress(string Source, long BytesDone, long BytesTotal, int ObjectsDone, int ObjectsTotal, string? CurrentKey)
{
    /// <summary>0 to 1; an empty download counts as complete.</summary>
    public double Fraction => BytesTotal <= 0 ? 1 : Math.Clamp((double)BytesDone / BytesTotal, 0, 1);

    public bool IsComplete => ObjectsDone == ObjectsTotal;
}
