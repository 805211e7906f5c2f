using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.Runtime.Sources;

/// <summary>
/// Copies a model from <c>s3://bucket/prefix</c> into <c>CACHE/s3/bucket/prefix/HASH</c>, where HASH covers every
/// object's key, size and ETag: an unchanged model is downloaded once, a changed one lands in a new folder. Sizes are
/// checked, and MD5s where the ETag is one, so a truncated or corrupted transfer is never loaded. When the prefix
/// holds numeric version folders only the served version is downloaded.
/// </summary>
public sealed class S3ModelDownloader(S3ConnectionSettings settings, string cacheRoot)
{
    private const int BufferSize = 1 << 16;

    public S3ConnectionSettings Settings { get; } = settings;

    public string CacheRoot { get; } = Path.GetFullPath(cacheRoot);

    /// <summary>Downloads (or finds cached) the model at <paramref name="url"/>; throws <see cref="ModelLoadException"/> naming the URL and object.</summary>
    public async Task<DownloadedModel> DownloadAsync(
        S3ModelUrl url, IReadOnlyList<long>? specificVersions, IProgress<ModelDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var client = Settings.CreateClient();
        var (objects, singleObject) = await ListAsync(client, url, cancellationToken).ConfigureAwait(false);
        var selected = SelectServedVersion(url, objects, specificVersions);
        var folder = CacheFolderFor(url, selected);
        var localPath = singleObject ? Path.Combine(folder, selected[0].RelativePath) : folder;
        var keys = selected.ToDictionary(o => Path.Combine(folder, o.RelativePath), o => o.Key, StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            return new DownloadedModel(localPath, keys, FromCache: true);
        }

        // Download beside the final folder and rename it into place, so a crash or a concurrent worker never sees
        // half a model under the final name.
        var partial = $"{folder}.partial-{Guid.NewGuid():N}";
        try
        {
            var reporter = new DownloadProgressReporter(url.ToString(), selected.Sum(o => o.Size), selected.Count, progress);
            reporter.Start();
            foreach (var item in selected)
            {
                await DownloadObjectAsync(client, url, item, Path.Combine(partial, item.RelativePath), reporter, cancellationToken).ConfigureAwait(false);
            }
            Publish(partial, folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"{url}: cannot write the downloaded model to {partial}: {ex.Message}", ex);
        }
        finally
        {
            DeleteQuietly(partial);
        }
        return new DownloadedModel(localPath, keys, FromCache: false);
    }

    private async Task<(IReadOnlyList<S3ModelObject> Objects, bool SingleObject)> ListAsync(IAmazonS3 client, S3ModelUrl url, CancellationToken cancellationToken)
    {
        var folderPrefix = url.FolderPrefix;
        var listed = await ListKeysAsync(client, url, folderPrefix, maxKeys: null, cancellationToken).ConfigureAwait(false);
        var objects = listed
            .Where(o => !o.Key.EndsWith('/')) // zero-byte "folder" markers some tools create
            .Select(o => ToModelObject(url, o, o.Key[folderPrefix.Length..]))
            .ToList();
        if (objects.Count > 0)
        {
            return (objects, false);
        }
        if (url.Prefix.Length > 0 && !url.Prefix.EndsWith('/'))
        {
            // s3://bucket/models/iris.onnx names one object rather than a folder. The exact key sorts first among keys
            // sharing its prefix, so one listed key tells whether it exists.
            var first = await ListKeysAsync(client, url, url.Prefix, maxKeys: 1, cancellationToken).ConfigureAwait(false);
            if (first.Count == 1 && first[0].Key == url.Prefix)
            {
                return ([ToModelObject(url, first[0], url.Prefix[(url.Prefix.LastIndexOf('/') + 1)..])], true);
            }
        }
        throw new ModelLoadException(
            $"{url}: no model there: bucket '{url.Bucket}' holds no objects under '{folderPrefix}'{(url.Prefix.Length > 0 && !url.Prefix.EndsWith('/') ? $" and no object '{url.Prefix}'" : string.Empty)} ({Settings.Describe()})");
    }

    private async Task<List<S3Object>> ListKeysAsync(IAmazonS3 client, S3ModelUrl url, string prefix, int? maxKeys, CancellationToken cancellationToken)
    {
        var found = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = url.Bucket, Prefix = prefix };
        if (maxKeys is { } limit)
        {
            request.MaxKeys = limit;
        }
        try
        {
            while (true)
            {
                var response = await client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                found.AddRange(response.S3Objects ?? []);
                if (maxKeys is not null || response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
                {
                    return found;
                }
                request.ContinuationToken = response.NextContinuationToken;
            }
        }
        catch (Exception ex) when (IsTransferFailure(ex))
        {
            throw Failure(url, null, ex);
        }
    }

    private static S3ModelObject ToModelObject(S3ModelUrl url, S3Object listed, string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ModelLoadException($"{url}: object key '{listed.Key}' cannot be stored as a local file (empty, '.' or '..' path segment)");
        }
        return new S3ModelObject(listed.Key, Path.Combine(segments), listed.Size ?? 0, (listed.ETag ?? string.Empty).Trim('"'));
    }

    /// <summary>
    /// With every object inside numeric folders (TF Serving's layout) only the version the policy serves is
    /// downloaded; anything else is downloaded whole and the local rules apply.
    /// </summary>
    private static IReadOnlyList<S3ModelObject> SelectServedVersion(S3ModelUrl url, IReadOnlyList<S3ModelObject> objects, IReadOnlyList<long>? specificVersions)
    {
        var versions = new Dictionary<S3ModelObject, long>();
        foreach (var item in objects)
        {
            var separator = item.RelativePath.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (separator < 0 || !ModelVersionFolders.TryParseVersion(item.RelativePath[..separator], out var version))
            {
                return objects;
            }
            versions[item] = version;
        }
        var served = ModelVersionPolicy.Select(versions.Values.Distinct().ToList(), specificVersions, url.ToString());
        return objects.Where(o => versions[o] == served).ToList();
    }

    private string CacheFolderFor(S3ModelUrl url, IReadOnlyList<S3ModelObject> objects)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in objects.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{item.Key}\n{item.Size}\n{item.ETag}\n"));
        }
        var contentHash = Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
        var prefixFolders = url.Prefix.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(SafeFolderName);
        return Path.Combine([CacheRoot, "s3", SafeFolderName(url.Bucket), .. prefixFolders, contentHash]);
    }

    private async Task DownloadObjectAsync(
        IAmazonS3 client, S3ModelUrl url, S3ModelObject item, string path, DownloadProgressReporter reporter, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long written = 0;
        string? contentMd5 = null;
        try
        {
            using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = url.Bucket, Key = item.Key }, cancellationToken).ConfigureAwait(false);
            // KMS-encrypted objects have ETags that are not the MD5 of their content.
            var etagIsMd5 = item.ETagIsContentMd5
                && response.ServerSideEncryptionMethod != ServerSideEncryptionMethod.AWSKMS
                && response.ServerSideEncryptionMethod != ServerSideEncryptionMethod.AWSKMSDSSE;
            using var md5 = etagIsMd5 ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
            await using var body = response.ResponseStream;
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            var buffer = new byte[BufferSize];
            int read;
            try
            {
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    md5?.AppendData(buffer, 0, read);
                    written += read;
                    reporter.Advance(item.Key, read);
                }
            }
            catch (AmazonClientException ex)
            {
                // The SDK checks the body against the ETag itself at the end of the stream and throws this on a mismatch.
                throw new ModelLoadException(
                    $"{url}: object '{item.Key}' is corrupt: the {written} bytes received do not match its ETag {item.ETag} ({ex.Message})", ex);
            }
            contentMd5 = md5 is null ? null : Convert.ToHexStringLower(md5.GetHashAndReset());
        }
        catch (Exception ex) when (IsTransferFailure(ex))
        {
            throw Failure(url, item.Key, ex);
        }
        if (written != item.Size)
        {
            throw new ModelLoadException(
                $"{url}: object '{item.Key}' is truncated or changed while downloading: received {written} bytes, the listing says {item.Size}");
        }
        if (contentMd5 is not null && !string.Equals(contentMd5, item.ETag, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                $"{url}: object '{item.Key}' is corrupt: the MD5 of the {written} bytes received is {contentMd5}, but S3 reports ETag {item.ETag}");
        }
        reporter.CompleteObject(item.Key);
    }

    private static void Publish(string partial, string folder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        try
        {
            Directory.Move(partial, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another process published the same content first; its copy is as good as ours.
        }
    }

    private static bool IsTransferFailure(Exception ex) =>
        ex is AmazonServiceException or AmazonClientException or HttpRequestException or IOException
        || (ex is TaskCanceledException && ex.InnerException is TimeoutException);

    private ModelLoadException Failure(S3ModelUrl url, string? key, Exception ex)
    {
        var what = key is null ? $"cannot list '{url.FolderPrefix}'" : $"cannot download object '{key}'";
        var reason = ex switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => $"bucket '{url.Bucket}' does not exist",
            AmazonS3Exception { ErrorCode: "NoSuchKey" } => "the object was deleted while the model was being downloaded",
            AmazonS3Exception { ErrorCode: "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken" } s3 =>
                $"access denied ({s3.ErrorCode}: {s3.Message}); check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the bucket policy",
            AmazonServiceException service when service.ErrorCode is { Length: > 0 } => $"{service.ErrorCode}: {service.Message}",
            _ when Innermost(ex) is HttpRequestException or System.Net.Sockets.SocketException =>
                $"cannot reach the server ({Innermost(ex).Message}); {S3ConnectionSettings.EndpointVariable} sets the endpoint of an S3-compatible server",
            _ => ex.Message,
        };
        return new ModelLoadException($"{url}: {what}: {reason} ({Settings.Describe()})", ex);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is { } inner)
        {
            ex = inner;
        }
        return ex;
    }

    private static string SafeFolderName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return safe is "." or ".." ? safe.Replace('.', '_') : safe;
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover partial folder is ignored by later loads (they publish under the final name only).
        }
    }
}
