namespace Cortex.Queue.Storage;

/// <summary>
/// Collects the aggregate rows a store's SQL returns (totals, percentiles, per-bucket figures) and assembles them
/// into <see cref="ApiMetrics"/>, adding the buckets no prediction fell into. Shared by both stores so their
/// answers have the same shape down to the empty buckets.
/// </summary>
public sealed class MetricsAccumulator
{
    /// <summary>The percentiles every summary reports, in the order stores return them.</summary>
    public static readonly double[] Percentiles = [0.5, 0.9, 0.99];

    /// <summary>How many classes the distribution keeps (the most frequent ones).</summary>
    public const int TopClasses = 20;

    private readonly string _api;
    private readonly MetricsWindow _window;
    private readonly TrackedKind _kind;
    private readonly BucketFigures[] _buckets;
    private readonly List<ClassCount> _classes = [];
    private long _count;
    private StatusCounts _status = new(0, 0, 0);
    private double? _latencyAvg;
    private readonly double?[] _latency = new double?[3];
    private long _valueCount;
    private double? _valueMin;
    private double? _valueMax;
    private double? _valueAvg;
    private readonly double?[] _value = new double?[3];

    public MetricsAccumulator(string api, MetricsWindow window, TrackedKind kind, DateTimeOffset now)
    {
        _api = api;
        _window = window;
        _kind = kind;
        (From, To) = window.RangeEndingAt(now);
        _buckets = new BucketFigures[window.BucketCount];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new BucketFigures();
        }
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    /// <summary>Names of the top classes of the whole window, once <see cref="AddClass"/> has been fed.</summary>
    public IReadOnlyList<string> ClassNames => _classes.Select(c => c.Class).ToArray();

    public void SetTotals(long count, long success2xx, long client4xx, long server5xx, double? latencyAvg)
    {
        _count = count;
        _status = new StatusCounts(success2xx, client4xx, server5xx);
        _latencyAvg = latencyAvg;
    }

    public void SetLatencyPercentile(int index, double? value) => _latency[index] = value;

    public void SetValues(long count, double? min, double? max, double? avg)
    {
        _valueCount = count;
        _valueMin = min;
        _valueMax = max;
        _valueAvg = avg;
    }

    public void SetValuePercentile(int index, double? value) => _value[index] = value;

    public void AddClass(string name, long count) => _classes.Add(new ClassCount(name, count));

    public void SetBucketTotals(long bucket, long count, long success2xx, long client4xx, long server5xx)
    {
        if (Bucket(bucket) is { } figures)
        {
            figures.Count = count;
            figures.Status = new StatusCounts(success2xx, client4xx, server5xx);
        }
    }

    public void SetBucketLatencyPercentile(long bucket, int index, double? value)
    {
        if (Bucket(bucket) is { } figures)
        {
            figures.Latency[index] = value;
        }
    }

    public void SetBucketValues(long bucket, double? avg, double? p50)
    {
        if (Bucket(bucket) is { } figures)
        {
            figures.ValueAvg = avg;
            figures.ValueP50 = p50;
        }
    }

    public void AddBucketClass(long bucket, string name, long count)
    {
        if (Bucket(bucket) is { } figures)
        {
            figures.Classes[name] = count;
        }
    }

    public ApiMetrics Build()
    {
        var classNames = ClassNames;
        var series = new MetricsBucket[_buckets.Length];
        for (var i = 0; i < _buckets.Length; i++)
        {
            var figures = _buckets[i];
            IReadOnlyDictionary<string, long>? classes = null;
            if (_kind == TrackedKind.Classification)
            {
                // Every top class appears in every bucket (zero when absent), so charts can stack them directly.
                classes = classNames.ToDictionary(name => name, name => figures.Classes.GetValueOrDefault(name));
            }
            series[i] = new MetricsBucket(
                From + _window.Bucket * i,
                figures.Count,
                figures.Status,
                figures.Latency[0],
                figures.Latency[1],
                figures.Latency[2],
                classes,
                _kind == TrackedKind.Regression ? figures.ValueAvg : null,
                _kind == TrackedKind.Regression ? figures.ValueP50 : null);
        }
        return new ApiMetrics(
            _api,
            _window,
            From,
            To,
            new RequestSummary(_count, _count / _window.Length.TotalSeconds, _status),
            new PercentileSummary(_latencyAvg, _latency[0], _latency[1], _latency[2]),
            _kind,
            _kind == TrackedKind.Classification ? _classes.ToArray() : null,
            _kind == TrackedKind.Regression ? new RegressionSummary(_valueCount, _valueMin, _valueMax, new PercentileSummary(_valueAvg, _value[0], _value[1], _value[2])) : null,
            series);
    }

    private BucketFigures? Bucket(long index) => index >= 0 && index < _buckets.Length ? _buckets[index] : null;

    private sealed class BucketFigures
    {
        public long Count { get; set; }

        public StatusCounts Status { get; set; } = new(0, 0, 0);

        public double?[] Latency { get; } = new double?[3];

        public double? ValueAvg { get; set; }

        public double? ValueP50 { get; set; }

        public Dictionary<string, long> Classes { get; } = new(StringComparer.Ordinal);
    }
}
