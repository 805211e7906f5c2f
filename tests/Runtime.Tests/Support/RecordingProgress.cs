using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>Keeps every download report, synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
public sealed class RecordingProgress : IProgress<ModelDownloadProgress>
{
    private readonly List<ModelDownloadProgress> _reports = [];

    public IReadOnlyList<ModelDownloadProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToList();
            }
        }
    }

    public void Report(ModelDownloadProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
