namespace Cortex.Queue.Storage;

/// <summary>A time window of <c>GET /apis/{api}/metrics</c> and the width of the buckets its series is cut into.</summary>
public sealed record MetricsWindow(string Name, TimeSpan Length, TimeSpan Bucket)
{
    public static readonly MetricsWindow OneMinute = new("1m", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5));
    public static readonly MetricsWindow OneHour = new("1h", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
    public static readonly MetricsWindow OneDay = new("1d", TimeSpan.FromDays(1), TimeSpan.FromMinutes(30));
    public static readonly MetricsWindow FourteenDays = new("14d", TimeSpan.FromDays(14), TimeSpan.FromHours(12));

    public static IReadOnlyList<MetricsWindow> All { get; } = [OneMinute, OneHour, OneDay, FourteenDays];

    public static MetricsWindow Default => OneHour;

    public int BucketCount => (int)(Length.Ticks / Bucket.Ticks);

    public static MetricsWindow? Find(string name) => All.FirstOrDefault(w => w.Name == name);

    /// <summary>
    /// The window ending at the end of the bucket holding <paramref name="now"/>: buckets fall on whole multiples of
    /// their width, so successive polls line up and the newest bucket holds the latest predictions.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) RangeEndingAt(DateTimeOffset now)
    {
        var bucketTicks = Bucket.Ticks;
        var unixTicks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var to = DateTimeOffset.UnixEpoch.AddTicks((unixTicks / bucketTicks + 1) * bucketTicks);
        return (to - Length, to);
    }
}
