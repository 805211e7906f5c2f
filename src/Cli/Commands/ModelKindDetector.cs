using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// Tells a SavedModel from an ONNX model by what a local path holds, so <c>cortex model</c> commands need no
/// <c>--format</c>: <c>saved_model.pb</c> means TensorFlow, a <c>.onnx</c> file ONNX, looked for in the path itself and
/// then in its highest version folder.
/// </summary>
public static class ModelKindDetector
{
    public static ModelKind Detect(string localPath)
    {
        if (File.Exists(localPath))
        {
            return IsOnnx(localPath) ? ModelKind.Onnx
                : Path.GetFileName(localPath) == "saved_model.pb" ? ModelKind.TensorFlow
                : throw new ModelLoadException($"{localPath} is neither a .onnx file nor a SavedModel's saved_model.pb");
        }
        if (!Directory.Exists(localPath))
        {
            throw new ModelLoadException($"model not found: {localPath} does not exist");
        }
        if (KindIn(localPath) is { } kind)
        {
            return kind;
        }
        if (ModelVersionFolders.TryFindHighest(localPath, out var versionFolder, out _) && KindIn(versionFolder) is { } versionKind)
        {
            return versionKind;
        }
        throw new ModelLoadException(
            $"no model in {localPath}: expected a SavedModel (saved_model.pb), a .onnx file, or numeric version folders holding one");
    }

    private static ModelKind? KindIn(string folder) =>
        File.Exists(Path.Combine(folder, "saved_model.pb")) ? ModelKind.TensorFlow
        : Directory.EnumerateFiles(folder).Any(IsOnnx) ? ModelKind.Onnx
        : null;

    private static bool IsOnnx(string file) => string.Equals(Path.GetExtension(file), ".onnx", StringComparison.OrdinalIgnoreCase);
}
