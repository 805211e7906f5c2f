namespace Cortex.Queue.Runtime.Loading;

/// <summary>
/// Finds the <c>.onnx</c> file a configured path means: the file itself; the only <c>.onnx</c> file in a folder;
/// or, in a folder of numeric version folders, the only <c>.onnx</c> file of the highest version.
/// </summary>
public static class OnnxModelSource
{
    private const string Expected = "a .onnx file, a folder holding one .onnx file, or a folder of numeric version folders (1/, 2/, ...) each holding one";

    public static ResolvedModelFile Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return new ResolvedModelFile(fullPath, null);
        }
        if (!Directory.Exists(fullPath))
        {
            throw new ModelLoadException($"ONNX model not found: {fullPath} does not exist (expected {Expected})");
        }

        var onnxFiles = OnnxFilesIn(fullPath);
        if (onnxFiles.Length > 0)
        {
            return new ResolvedModelFile(SingleFile(fullPath, onnxFiles), null);
        }
        if (ModelVersionFolders.TryFindHighest(fullPath, out var versionFolder, out var version))
        {
            var versionFiles = OnnxFilesIn(versionFolder);
            if (versionFiles.Length == 0)
            {
                throw new ModelLoadException(
                    $"ONNX model version folder {versionFolder} (the highest version in {fullPath}) holds no .onnx file");
            }
            return new ResolvedModelFile(SingleFile(versionFolder, versionFiles), version);
        }
        throw new ModelLoadException($"no ONNX model in {fullPath}: it holds no .onnx file and no numeric version folders (expected {Expected})");
    }

    private static string[] OnnxFilesIn(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => string.Equals(Path.GetExtension(f), ".onnx", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string SingleFile(string folder, string[] onnxFiles) => onnxFiles.Length == 1
        ? onnxFiles[0]
        : throw new ModelLoadException(
            $"{folder} holds {onnxFiles.Length} .onnx files ({string.Join(", ", onnxFiles.Select(Path.GetFileName))}); " +
            "keep one, or point the model path at the file to serve");
}
