namespace Cortex.Queue.Bench.Setup;

/// <summary>
/// CPU time used so far by every PostgreSQL process on this machine (the backends and the background workers:
/// WAL writer, checkpointer, autovacuum), for a server running here as the test services run it.
/// </summary>
public static class PostgresProcesses
{
    /// <summary>Milliseconds of CPU of all processes named <c>postgres</c>; null when none runs here.</summary>
    public static double? CpuMilliseconds()
    {
        double total = 0;
        var found = false;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var processId))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).TrimEnd() != "postgres")
                {
                    continue;
                }
            }
            catch (IOException)
            {
                continue;
            }
            if (ProcessCpu.Milliseconds(processId) is { } milliseconds)
            {
                total += milliseconds;
                found = true;
            }
        }
        return found ? total : null;
    }
}
