namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>A throw-away copy of a fixture folder, for tests that damage files (fixtures themselves are read-only).</summary>
public sealed class TemporaryCopy : IDisposable
{
    private TemporaryCopy(string path) => Path = path;

    public string Path { get; }

    public static TemporaryCopy Of(string source)
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cortex-tf-tests", Guid.NewGuid().ToString("N"));
        CopyDirectory(source, target);
        return new TemporaryCopy(target);
    }

    public static TemporaryCopy Empty()
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cortex-tf-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        return new TemporaryCopy(target);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetFileName(file));
            File.Copy(file, destination);
            // Fixture files may be read-only; the copy must be writable so tests can damage it.
            File.SetAttributes(destination, FileAttributes.Normal);
        }
        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, System.IO.Path.Combine(target, System.IO.Path.GetFileName(directory)));
        }
    }
}
