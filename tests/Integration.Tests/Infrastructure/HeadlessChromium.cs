using System.Diagnostics;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>Debian's Chromium in headless mode: a page's DOM after its scripts ran, and screenshots.</summary>
public static class HeadlessChromium
{
    public const string ExpectedPath = "/usr/bin/chromium";

    // Virtual time runs the page's timers quickly but waits for pending fetches, so the page has drawn
    // its first data well within this budget while the test never waits the real refresh interval.
    private const int VirtualTimeBudgetMilliseconds = 8000;

    public static string? Executable => File.Exists(ExpectedPath) ? ExpectedPath : null;

    /// <summary>The page's DOM, serialised after its scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string url)
    {
        var (output, _) = await RunAsync(["--dump-dom", url]);
        return output;
    }

    public static async Task SaveScreenshotAsync(string url, string path, int width = 1280, int height = 900)
    {
        var (_, error) = await RunAsync([$"--screenshot={path}", $"--window-size={width},{height}", "--hide-scrollbars", url]);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"chromium wrote no screenshot to {path}: {error}");
        }
    }

    private static async Task<(string Output, string Error)> RunAsync(string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("cortex-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException($"no Chromium at {ExpectedPath}"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // Root in CI cannot use Chromium's sandbox; the page is our own, served on loopback.
            foreach (var argument in (string[])["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.FullName}",
                         $"--virtual-time-budget={VirtualTimeBudgetMilliseconds}", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {string.Join(' ', arguments)} ran over 90 s");
            }
            return (await output, await error);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crashpad helper may still hold a file for a moment; the OS cleans temp.
            }
        }
    }
}
