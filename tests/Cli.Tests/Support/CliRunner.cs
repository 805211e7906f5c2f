using Cortex.Queue.Runtime.Tests.Fixtures;
using System.Diagnostics;

namespace Cortex.Queue.Cli.Tests.Support;

/// <summary>
/// Runs the built CLI (<c>dotnet Cortex.Queue.Cli.dll ...</c>) as a user would, with its model caches in
/// <paramref name="cacheFolder"/> so tests never touch the user's home cache.
/// </summary>
public sealed class CliRunner(string cacheFolder)
{
    public CliResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepositoryRoot,
        };
        start.ArgumentList.Add(BuiltCli.Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["CORTEX_MODEL_CACHE"] = Path.Combine(cacheFolder, "models");
        start.Environment["CORTEX_LOWERED_MODEL_CACHE"] = Path.Combine(cacheFolder, "lowered");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cortex {string.Join(' ', arguments)} ran over a minute");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
