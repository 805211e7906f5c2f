namespace Cortex.Queue.Integration.Tests.Infrastructure;

public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cortex-it-" + Guid.NewGuid().ToString("N")[..12]);

    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp.
        }
    }
}
