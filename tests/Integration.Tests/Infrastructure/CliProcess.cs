using System.Diagnostics;
using System.Text;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>Runs the cortex CLI as a user would: its own process, reading its output.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string StandardOutput => Read(_stdout);

    public string StandardError => Read(_stderr);

    public static CliProcess Start(string workingDirectory, params string[] arguments)
    {
        var dll = TestEnvironment.BuiltProgram("Cli");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("CORTEX_RABBITMQ");
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI"));
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] arguments)
    {
        using var cli = Start(workingDirectory, arguments);
        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exitCode, cli.StandardOutput, cli.StandardError);
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until standard output contains <paramref name="text"/>; false if the process exits first or time runs out.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (StandardOutput.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            if (_process.HasExited)
            {
                return StandardOutput.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Ctrl-C, as a user at a terminal would stop it.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
