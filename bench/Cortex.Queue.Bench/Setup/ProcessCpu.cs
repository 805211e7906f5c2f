using System.Globalization;

namespace Cortex.Queue.Bench.Setup;

/// <summary>CPU time (user + system) a process has used so far, from <c>/proc/PID/stat</c>.</summary>
public static class ProcessCpu
{
    // USER_HZ is 100 on every Linux architecture .NET runs on; /proc reports CPU time in these ticks.
    private const double MillisecondsPerTick = 10;

    /// <summary>Milliseconds of CPU used by the process, or null when it is gone.</summary>
    public static double? Milliseconds(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
        }
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (user + system) * MillisecondsPerTick;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
