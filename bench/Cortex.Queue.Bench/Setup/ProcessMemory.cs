using System.Globalization;

namespace Cortex.Queue.Bench.Setup;

/// <summary>Resident set size of a process, read from <c>/proc/PID/status</c> (what <c>ps</c> and the kernel's OOM killer see).</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS in bytes, or null when the process is gone or /proc is not there.</summary>
    public static long? ResidentBytes(int processId) => ReadKilobytes(processId, "VmRSS:") * 1024;

    public static long? ResidentBytes() => ResidentBytes(Environment.ProcessId);

    private static long? ReadKilobytes(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two samples.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
