namespace Cortex.Queue.Bench.Setup;

/// <summary>Finds the RabbitMQ server process (Erlang's beam.smp) on this machine, so its CPU use can be counted.</summary>
public static class BrokerProcess
{
    /// <summary>The pid when exactly one RabbitMQ node runs here; null when none or several (which one would be ours?).</summary>
    public static int? Find()
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline"));
                if (commandLine.Contains("beam.smp", StringComparison.Ordinal) && commandLine.Contains("rabbit", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found.Count == 1 ? found[0] : null;
    }
}
