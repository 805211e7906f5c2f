using System.Diagnostics;

namespace Cortex.Queue.Bench.Models;

/// <summary>Runs this benchmark program again with other arguments (a fresh process) and returns what it printed.</summary>
public static class ChildProcess
{
    public static string Run(IReadOnlyList<string> args, TimeSpan limit)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the benchmark's own executable is unknown");
        var start = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Started as `dotnet Cortex.Queue.Bench.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill();
            process.WaitForExit(10_000);
            throw new TimeoutException($"{string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} exited with {process.ExitCode}: {error.Result.Trim()}");
        }
        return output.Result;
    }
}
