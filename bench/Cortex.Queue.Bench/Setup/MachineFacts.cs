using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Cortex.Queue.Bench.Setup;

/// <summary>What the numbers were measured on; a reader comparing two reports needs this first.</summary>
public sealed record MachineFacts(
    int Cores,
    string CpuModel,
    string TotalMemory,
    string Os,
    string DotNet,
    string OnnxRuntime,
    string GarbageCollector,
    string LoadAverage)
{
    public static MachineFacts Collect() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadTotalMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        OrtEnv.Instance().GetVersionString(),
        GCSettings.IsServerGC ? "server" : "workstation",
        LoadAverageNow());

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine they show what else was running.</summary>
    public static string LoadAverageNow()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} / {fields[1]} / {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadCpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string ReadTotalMemory()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kilobytes = long.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1024.0 / 1024.0:0.0} GiB");
            }
        }
        catch (IOException)
        {
        }
        return "unknown";
    }
}
