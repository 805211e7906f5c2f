using System.Security.Cryptography;
using System.Text;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Lowering;

namespace Cortex.Queue.TensorFlow.Execution;

/// <summary>
/// Lowered ONNX models on disk, keyed by a SHA-256 of everything the lowering read (saved_model.pb, every file of
/// variables/, the signature key) and of the lowering code itself, so a second start skips lowering and a changed
/// model or a new Cortex build never reuses a stale file.
/// </summary>
public sealed class LoweredModelCache(string directory)
{
    /// <summary>Environment variable that moves the default cache folder.</summary>
    public const string DirectoryVariable = "CORTEX_LOWERED_MODEL_CACHE";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary><c>$CORTEX_LOWERED_MODEL_CACHE</c>, else <c>~/.cache/cortex/lowered-models</c>.</summary>
    public static LoweredModelCache Default { get; } = new(
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cortex", "lowered-models"));

    public static string KeyFor(SavedModelLocation location, string signatureKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, typeof(SavedModelLowerer).Assembly.ManifestModule.ModuleVersionId.ToString());
        AppendText(hash, signatureKey);
        AppendFile(hash, location.ProtoPath, SavedModelLocation.ProtoFileName);
        var variables = Path.Combine(location.Directory, "variables");
        if (System.IO.Directory.Exists(variables))
        {
            foreach (var file in System.IO.Directory.GetFiles(variables).Order(StringComparer.Ordinal))
            {
                AppendFile(hash, file, Path.GetFileName(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public string PathFor(string key) => Path.Combine(Directory, key + ".onnx");

    public bool TryLoad(string key, out byte[] onnxModel)
    {
        var path = PathFor(key);
        try
        {
            onnxModel = File.ReadAllBytes(path);
            return onnxModel.Length > 0;
        }
        catch (IOException)
        {
            onnxModel = [];
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            onnxModel = [];
            return false;
        }
    }

    /// <summary>
    /// Writes the file atomically (temp file, then rename), so concurrent workers never read half a model. Returns
    /// false when the folder is not writable: a cache that cannot be written only costs the next start its speed.
    /// </summary>
    public bool Store(string key, byte[] onnxModel)
    {
        var temporary = Path.Combine(Directory, $"{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, onnxModel);
            File.Move(temporary, PathFor(key), overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the temp file was never written or cannot be removed either.
            }
            return false;
        }
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    private static void AppendFile(IncrementalHash hash, string path, string name)
    {
        AppendText(hash, name);
        using var stream = File.OpenRead(path);
        hash.AppendData(BitConverter.GetBytes(stream.Length));
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }
}
