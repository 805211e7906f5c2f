namespace Cortex.Queue.Runtime.Sources;

/// <summary>
/// Counts bytes and objects of one download and reports them, at most once per <see cref="Step"/> bytes within an
/// object, so a progress bar moves smoothly without a report per network read.
/// </summary>
internal sealed class DownloadProgressReporter(string source, long bytesTotal, int objectsTotal, IProgress<ModelDownloadProgress>? progress)
{
    private const long Step = 1 << 20;

    private long _bytesDone;
    private long _lastReported = -1;
    private int _objectsDone;

    public void Start() => Report(null);

    public void Advance(string key, int bytes)
    {
        _bytesDone += bytes;
        if (_bytesDone - _lastReported >= Step)
        {
            Report(key);
        }
    }

    public void CompleteObject(string key)
    {
        _objectsDone++;
        Report(_objectsDone == objectsTotal ? null : key);
    }

    private void Report(string? key)
    {
        _lastReported = _bytesDone;
        progress?.Report(new ModelDownloadProgress(source, _bytesDone, bytesTotal, _objectsDone, objectsTotal, key));
    }
}
