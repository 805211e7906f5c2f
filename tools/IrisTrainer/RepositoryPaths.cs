namespace Cortex.Queue.IrisTrainer;

/// <summary>Finds the repository root (the folder holding Cortex.Queue.sln) so the tool runs from anywhere inside it.</summary>
public static class RepositoryPaths
{
    public static string FindRoot(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cortex.Queue.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no Cortex.Queue.sln above {startFolder}; pass --data and --out explicitly");
    }
}
