using System.IO.Compression;
using System.Security.Cryptography;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.Runtime.Sources;

/// <summary>
/// Unpacks a <c>.zip</c> holding a model (a SavedModel, a <c>.onnx</c> file, or version folders of either) into
/// <c>CACHE/zip/SHA256</c>, once per distinct archive content, and says which folder inside to load: the archive's
/// root, or its only top folder when everything sits inside one (as zipping a folder makes).
/// </summary>
public sealed class ModelArchiveExtractor(string cacheRoot)
{
    public string CacheRoot { get; } = Path.GetFullPath(cacheRoot);

    public static bool IsArchive(string path) =>
        string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase) && File.Exists(path);

    /// <summary>Unpacks <paramref name="zipPath"/> (or reuses its earlier unpacking) and returns the model folder in it.</summary>
    public string Extract(string zipPath)
    {
        var fullPath = Path.GetFullPath(zipPath);
        var folder = Path.Combine(CacheRoot, "zip", Sha256Of(fullPath));
        if (!Directory.Exists(folder))
        {
            var partial = $"{folder}.partial-{Guid.NewGuid():N}";
            try
            {
                // ExtractToDirectory refuses entries that would land outside the folder ("../" names).
                ZipFile.ExtractToDirectory(fullPath, partial);
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                try
                {
                    Directory.Move(partial, folder);
                }
                catch (IOException) when (Directory.Exists(folder))
                {
                    // Another process unpacked the same archive first.
                }
            }
            catch (InvalidDataException ex)
            {
                throw new ModelLoadException($"cannot unpack model archive {fullPath}: it is not a valid zip file ({ex.Message})", ex);
            }
            catch (IOException ex)
            {
                throw new ModelLoadException($"cannot unpack model archive {fullPath} into {partial}: {ex.Message}", ex);
            }
            finally
            {
                if (Directory.Exists(partial))
                {
                    Directory.Delete(partial, recursive: true);
                }
            }
        }
        return ModelRoot(folder);
    }

    /// <summary>
    /// Zipping a folder puts everything under that folder's name; step into it unless it is a version folder,
    /// whose number must stay visible to the version rules.
    /// </summary>
    private static string ModelRoot(string folder)
    {
        var files = Directory.GetFiles(folder);
        var folders = Directory.GetDirectories(folder).Where(f => Path.GetFileName(f) != "__MACOSX").ToArray();
        if (files.Length == 0 && folders.Length == 1 && !ModelVersionFolders.TryParseVersion(Path.GetFileName(folders[0]), out _))
        {
            return folders[0];
        }
        return folder;
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
