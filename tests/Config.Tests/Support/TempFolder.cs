namespace Cortex.Queue.Config.Tests.Support;

/// <summary>A fresh folder under the system temp folder for one test's files; deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cortex-config-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Where cortex.yaml lives in this folder, whether or not it was written.</summary>
    public string ConfigPath => Combine("cortex.yaml");

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public string WriteFile(string relativePath, string content)
    {
        var fullPath = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, content);
        return fullPath;
    }

    public string CreateFolder(string relativePath) => Directory.CreateDirectory(Combine(relativePath)).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
