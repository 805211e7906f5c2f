using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.Runtime.Sources;

/// <summary>
/// Turns a configured model path into a local one a model format can load: downloads <c>s3://</c> models into the
/// cache, unpacks <c>.zip</c> archives, and applies a <c>specific</c> version policy. Loading the same unchanged
/// model again touches neither the network (beyond listing) nor the archive.
/// </summary>
public sealed class ModelSourceResolver
{
    private static readonly Lazy<ModelSourceResolver> LazyDefault = new(() => new ModelSourceResolver(ModelCacheFolder.Default, S3ConnectionSettings.FromEnvironment()));

    private readonly ModelArchiveExtractor _archives;

    public ModelSourceResolver(string cacheRoot, S3ConnectionSettings s3)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheRoot);
        ArgumentNullException.ThrowIfNull(s3);
        CacheRoot = Path.GetFullPath(cacheRoot);
        S3 = new S3ModelDownloader(s3, CacheRoot);
        _archives = new ModelArchiveExtractor(CacheRoot);
    }

    /// <summary>The cache in <see cref="ModelCacheFolder.Default"/>, S3 settings from the environment (read on first use).</summary>
    public static ModelSourceResolver Default => LazyDefault.Value;

    public string CacheRoot { get; }

    public S3ModelDownloader S3 { get; }

    /// <summary>Blocking form of <see cref="ResolveAsync"/>, for the synchronous model loading path.</summary>
    public ResolvedModelSource Resolve(string path, ModelLoadOptions options) =>
        ResolveAsync(path, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Resolves <paramref name="path"/> (a local file or folder, a <c>.zip</c>, or <c>s3://bucket/prefix</c>); throws
    /// <see cref="ModelLoadException"/> naming the path, URL or object at fault.
    /// </summary>
    public async Task<ResolvedModelSource> ResolveAsync(string path, ModelLoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var kind = ModelSourceKind.Local;
        string localPath;
        IReadOnlyDictionary<string, string> objectKeys = new Dictionary<string, string>();
        var downloaded = false;
        if (S3ModelUrl.IsS3(path))
        {
            var model = await S3.DownloadAsync(S3ModelUrl.Parse(path), options.SpecificVersions, options.DownloadProgress, cancellationToken).ConfigureAwait(false);
            kind = ModelSourceKind.S3;
            localPath = model.LocalPath;
            objectKeys = model.ObjectKeys;
            downloaded = !model.FromCache;
        }
        else
        {
            localPath = Path.GetFullPath(path);
        }

        if (ArchiveIn(localPath) is { } archive)
        {
            localPath = _archives.Extract(archive);
            kind = kind == ModelSourceKind.Local ? ModelSourceKind.Archive : kind;
        }

        long? version = null;
        if (options.SpecificVersions is { Count: > 0 } specific)
        {
            (localPath, version) = SelectVersion(localPath, specific, kind == ModelSourceKind.Local ? localPath : path);
        }
        return new ResolvedModelSource(kind, localPath, path, objectKeys, version, downloaded);
    }

    /// <summary>A <c>.zip</c> path, or a folder whose only content is one <c>.zip</c> (an S3 prefix holding an archive).</summary>
    private static string? ArchiveIn(string localPath)
    {
        if (ModelArchiveExtractor.IsArchive(localPath))
        {
            return localPath;
        }
        if (!Directory.Exists(localPath) || Directory.EnumerateDirectories(localPath).Any())
        {
            return null;
        }
        var files = Directory.GetFiles(localPath);
        return files.Length == 1 && ModelArchiveExtractor.IsArchive(files[0]) ? files[0] : null;
    }

    private static (string Folder, long Version) SelectVersion(string localPath, IReadOnlyList<long> specific, string shownAs)
    {
        if (!Directory.Exists(localPath) && !File.Exists(localPath))
        {
            throw new ModelLoadException($"model not found: {shownAs} does not exist");
        }
        if (!Directory.Exists(localPath))
        {
            throw new ModelLoadException(
                $"{shownAs} is not a folder of numeric version folders (1/, 2/, ...), so the specific versions [{string.Join(", ", specific)}] cannot be served");
        }
        var folders = ModelVersionFolders.List(localPath);
        var version = ModelVersionPolicy.Select(folders.Select(f => f.Version).ToList(), specific, shownAs);
        return (folders.Last(f => f.Version == version).Folder, version);
    }
}
