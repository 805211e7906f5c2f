using Microsoft.Data.Sqlite;

namespace Cortex.Queue.Storage.Tests;

/// <summary>A fresh folder under the system temp folder per test, so every test works on a real file of its own.</summary>
public sealed class TemporaryDatabaseFolder : IDisposable
{
    public TemporaryDatabaseFolder()
    {
        FolderPath = Path.Combine(Path.GetTempPath(), "cortex-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FolderPath);
    }

    public string FolderPath { get; }

    public string DatabasePath => Path.Combine(FolderPath, "cortex.db");

    public void Dispose()
    {
        // Pooled connections of stores a test forgot to dispose would keep the files open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(FolderPath, recursive: true);
        }
        catch (IOException)
        {
            // Leaving a temp folder behind is harmless; failing the test over it would hide its real outcome.
        }
    }
}
