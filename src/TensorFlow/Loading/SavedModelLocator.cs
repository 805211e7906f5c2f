using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.TensorFlow.Loading;

/// <summary>
/// Finds the SavedModel a configured path means: a folder holding <c>saved_model.pb</c>, or a folder of numeric
/// version folders (TF Serving's layout), of which the highest is served.
/// </summary>
public static class SavedModelLocator
{
    private const string Expected = "a folder holding saved_model.pb, or a folder of numeric version folders (1/, 2/, ...) each holding one";

    public static SavedModelLocation Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath) && Path.GetFileName(fullPath) == SavedModelLocation.ProtoFileName)
        {
            return new SavedModelLocation(Path.GetDirectoryName(fullPath)!, null);
        }
        if (!Directory.Exists(fullPath))
        {
            throw new ModelLoadException($"TensorFlow SavedModel not found: {fullPath} does not exist (expected {Expected})");
        }
        if (File.Exists(Path.Combine(fullPath, SavedModelLocation.ProtoFileName)))
        {
            return new SavedModelLocation(fullPath, null);
        }
        if (ModelVersionFolders.TryFindHighest(fullPath, out var versionFolder, out var version))
        {
            if (!File.Exists(Path.Combine(versionFolder, SavedModelLocation.ProtoFileName)))
            {
                throw new ModelLoadException(
                    $"SavedModel version folder {versionFolder} (the highest version in {fullPath}) holds no {SavedModelLocation.ProtoFileName}");
            }
            return new SavedModelLocation(versionFolder, version);
        }
        var hint = File.Exists(Path.Combine(fullPath, "saved_model.pbtxt"))
            ? "; it has saved_model.pbtxt, but only the binary saved_model.pb is supported"
            : string.Empty;
        throw new ModelLoadException($"no TensorFlow SavedModel in {fullPath}: no {SavedModelLocation.ProtoFileName} and no numeric version folders (expected {Expected}){hint}");
    }
}
