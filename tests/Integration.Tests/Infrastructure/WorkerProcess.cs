using System.Diagnostics;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A worker as its own process (distributed mode), so a test can kill it the way an OOM-killer or a node loss would.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private WorkerProcess(Process process)
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

    public static WorkerProcess Start(string configPath, string api, string rabbitMqUrl, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = TestEnvironment.BuiltProgram("Worker");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CORTEX_CONFIG"] = configPath;
        start.Environment["CORTEX_API"] = api;
        start.Environment["CORTEX_RABBITMQ"] = rabbitMqUrl;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Cortex"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process"));
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

    /// <summary>SIGKILL: no shutdown hooks, no acks, no goodbyes.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }
}
