namespace Cortex.Queue.Runtime.Sources;

/// <summary>A model copied from S3 into the local cache.</summary>
/// <param name="LocalPath">The folder (or, for a single-object URL, the file) to load.</param>
/// <param name="ObjectKeys">Each local file and the object key it came from, so load errors can name the object.</param>
/// <param name="FromCache">True when nothing was downloaded because an identical copy was cached.</param>
public sealed record DownloadedModel(string LocalPath, IReadOnlyDictionary<string, string> ObjectKeys, bool FromCache);
