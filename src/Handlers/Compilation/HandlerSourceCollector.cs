namespace Cortex.Queue.Handlers.Compilation;

/// <summary>
/// The files a C# request handler is built from: the handler file itself and every other .cs file under
/// <c>python_path</c> (Cortex put the handler's helper modules there), skipping build output and hidden folders.
/// </summary>
public static class HandlerSourceCollector
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    public static IReadOnlyList<HandlerSourceFile> Collect(string handlerPath, string? pythonPath)
    {
        var displayRoot = Path.GetDirectoryName(handlerPath)!;
        var files = new List<string> { Path.GetFullPath(handlerPath) };
        if (pythonPath is not null && Directory.Exists(pythonPath))
        {
            files.AddRange(Enumerate(pythonPath).Order(StringComparer.Ordinal));
        }
        return files
            .Distinct(StringComparer.Ordinal)
            .Select(path => new HandlerSourceFile(path, Path.GetRelativePath(displayRoot, path)))
            .ToArray();
    }

    private static IEnumerable<string> Enumerate(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            yield return Path.GetFullPath(file);
        }
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || SkippedFolders.Contains(name))
            {
                continue;
            }
            foreach (var file in Enumerate(child))
            {
                yield return file;
            }
        }
    }
}
