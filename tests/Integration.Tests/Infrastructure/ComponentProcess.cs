using System.Diagnostics;
using System.Text;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A program of this solution (tracker, ingress, worker) as its own process with the given environment, output kept for assertions.</summary>
public sealed class ComponentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ComponentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Meaningful once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    public static ComponentProcess Start(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [TestEnvironment.BuiltProgram(project), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Cortex"] = "Information";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return new ComponentProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {project}"));
    }

    /// <summary>True when the process ended within <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL (the whole process tree): no shutdown hooks, no acks, no goodbyes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
