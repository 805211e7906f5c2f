using System.Diagnostics;

namespace Cortex.Queue.Bench.Serving;

/// <summary>
/// A standalone worker (<c>Cortex.Queue.Worker</c>) serving one API over RabbitMQ, as in a distributed deployment.
/// Stopped by its own process handle on dispose.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the worker printed, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts the worker from its own build output (<paramref name="folder"/>): its runtimeconfig and deps file are the
    /// ones a deployed worker has (generic host, workstation GC), which the copy beside the benchmark would not be.
    /// </summary>
    public static WorkerProcess Start(string folder, string configPath, string apiName, string rabbitMq)
    {
        if (!File.Exists(Path.Combine(folder, "Cortex.Queue.Worker.dll")))
        {
            throw new FileNotFoundException($"no built worker in {folder}; build src/Worker in the benchmark's configuration first");
        }
        var appHost = Path.Combine(folder, "Cortex.Queue.Worker");
        var start = File.Exists(appHost)
            ? new ProcessStartInfo(appHost)
            : new ProcessStartInfo(DotnetHost(), [Path.Combine(folder, "Cortex.Queue.Worker.dll")]);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetDirectoryName(configPath)!;
        start.Environment["CORTEX_CONFIG"] = configPath;
        start.Environment["CORTEX_API"] = apiName;
        start.Environment["CORTEX_RABBITMQ"] = rabbitMq;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => worker.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => worker.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
