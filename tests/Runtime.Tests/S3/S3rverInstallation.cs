using System.Diagnostics;

namespace Cortex.Queue.Runtime.Tests.S3;

/// <summary>
/// Installs the npm package s3rver (a small S3-compatible server) once per machine into the temp folder, so the
/// S3 tests run on a fresh clone with only node and npm present.
/// </summary>
public static class S3rverInstallation
{
    public const string Version = "3.7.1";

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "cortex-test-tools", "s3rver-" + Version);

    private static readonly Lazy<string> Script = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's entry script, installing the package first when it is missing.</summary>
    public static string ServerScript => Script.Value;

    private static string Install()
    {
        var script = Path.Combine(Folder, "node_modules", "s3rver", "bin", "s3rver.js");
        if (File.Exists(script))
        {
            return script;
        }
        Directory.CreateDirectory(Folder);
        // Test processes may start together (one per test project); the lock file lets one install while the others wait.
        using var installLock = AcquireLock(Path.Combine(Folder, ".install.lock"));
        if (File.Exists(script))
        {
            return script;
        }
        var start = new ProcessStartInfo(NodeTools.Npm ?? "npm")
        {
            ArgumentList = { "install", "--prefix", Folder, "--no-audit", "--no-fund", "--loglevel=error", $"s3rver@{Version}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        if (!npm.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"npm install s3rver@{Version} into {Folder} took over 3 minutes");
        }
        if (npm.ExitCode != 0 || !File.Exists(script))
        {
            throw new InvalidOperationException(
                $"npm install s3rver@{Version} into {Folder} failed (exit {npm.ExitCode}):\n{output.Result}\n{errors.Result}");
        }
        return script;
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
