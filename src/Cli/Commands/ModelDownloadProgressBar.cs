using System.Globalization;
using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// Shows an <c>s3://</c> download on the terminal: a bar redrawn in place when <paramref name="interactive"/>, otherwise
/// (output piped to a file or a CI log) one line when it starts and one when it ends.
/// </summary>
public sealed class ModelDownloadProgressBar(TextWriter writer, bool interactive) : IProgress<ModelDownloadProgress>
{
    private const int Width = 30;

    private bool _started;
    private bool _finished;

    /// <summary>A bar on standard error, redrawn in place when standard error is a terminal.</summary>
    public static ModelDownloadProgressBar ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(ModelDownloadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_finished)
        {
            return;
        }
        if (interactive)
        {
            var filled = (int)Math.Round(value.Fraction * Width);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\rdownloading {value.Source} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Fraction * 100,3:F0}% {Size(value.BytesDone)}/{Size(value.BytesTotal)} {value.ObjectsDone}/{value.ObjectsTotal} objects "));
        }
        else if (!_started)
        {
            writer.WriteLine($"downloading {value.Source}: {value.ObjectsTotal} objects, {Size(value.BytesTotal)}");
        }
        _started = true;
        if (value.IsComplete)
        {
            _finished = true;
            writer.WriteLine(interactive ? string.Empty : $"downloaded {value.Source}: {Size(value.BytesDone)}");
        }
        writer.Flush();
    }

    /// <summary>"512 B", "3.4 KB", "12.0 MB": enough precision to see a bar move, short enough to fit one line.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):F2} GB"),
    };
}
