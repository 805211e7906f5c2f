using Cortex.Queue.Contracts;

namespace Cortex.Queue.Storage.Tests;

/// <summary>The prediction store's writes and metrics, the same on SQLite (embedded) and PostgreSQL (distributed).</summary>
public sealed class PredictionStoreTests
{
    private const string Deployment = "shop";
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 30, TimeSpan.Zero);

    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_event_delivered_twice_is_stored_once(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var store = stores.Predictions;
        var a = Served("a", Now.AddSeconds(-5));
        var b = Served("b", Now.AddSeconds(-4));
        var c = Served("c", Now.AddSeconds(-3));

        Assert.Equal(2, await store.AppendAsync([a, b], Ct));
        Assert.Equal(1, await store.AppendAsync([b, c], Ct));
        Assert.Equal(0, await store.AppendAsync([c, c with { StatusCode = 500 }], Ct));

        Assert.Equal(3, await store.CountAsync("classifier", Ct));
        var metrics = await store.QueryMetricsAsync(Deployment, "classifier", MetricsWindow.OneMinute, TrackedKind.None, Now, Ct);
        Assert.Equal(3, metrics.Requests.Count);
        Assert.Equal(0, metrics.Requests.Status.Server5xx);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Class_counts_are_the_twenty_most_frequent_classes_and_the_series_splits_them_by_bucket(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var events = new List<PredictionServed>();
        var expected = new Dictionary<string, int>();
        for (var c = 0; c < 25; c++)
        {
            var name = $"class-{c:D2}";
            expected[name] = 30 - c;
            for (var i = 0; i < 30 - c; i++)
            {
                // Spread each class over the hour so the series has several buckets.
                events.Add(Served($"{name}-{i}", Now.AddMinutes(-i * 2), trackedClass: name));
            }
        }
        events.Add(Served("untracked", Now.AddMinutes(-1)));
        await stores.Predictions.AppendAsync(events, Ct);

        var metrics = await stores.Predictions.QueryMetricsAsync(Deployment, "classifier", MetricsWindow.OneHour, TrackedKind.Classification, Now, Ct);

        var top = expected.OrderByDescending(p => p.Value).Take(20).Select(p => new ClassCount(p.Key, p.Value)).ToArray();
        Assert.Equal(top, metrics.Classes);
        Assert.Equal(events.Count, metrics.Requests.Count);
        Assert.Null(metrics.Regression);
        Assert.Equal(60, metrics.Series.Count);
        foreach (var (name, count) in top.Select(c => (c.Class, c.Count)))
        {
            Assert.Equal(count, metrics.Series.Sum(b => b.Classes![name]));
        }
        Assert.Equal(events.Count, metrics.Series.Sum(b => b.Count));
        Assert.DoesNotContain("class-24", metrics.Series[0].Classes!.Keys);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Regression_statistics_match_the_values_computed_directly(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        var random = new Random(7);
        var values = Enumerable.Range(0, 997).Select(_ => Math.Round(random.NextDouble() * 100 - 20, 6)).ToArray();
        var latencies = values.Select((_, i) => 1 + random.NextDouble() * 50).ToArray();
        var events = values.Select((v, i) => Served($"r{i}", Now.AddSeconds(-i % 3600), trackedValue: v, latency: latencies[i])).ToList();
        events.Add(Served("failed", Now.AddSeconds(-10), status: 406, latency: 2));
        var allLatencies = latencies.Append(2).ToArray();
        await stores.Predictions.AppendAsync(events, Ct);

        var metrics = await stores.Predictions.QueryMetricsAsync(Deployment, "classifier", MetricsWindow.OneHour, TrackedKind.Regression, Now, Ct);

        var regression = metrics.Regression!;
        Assert.Equal(values.Length, regression.Count);
        Assert.Equal(values.Min(), regression.Min!.Value, 9);
        Assert.Equal(values.Max(), regression.Max!.Value, 9);
        Assert.Equal(values.Average(), regression.Values.Avg!.Value, 9);
        Assert.Equal(PercentileCont(values, 0.5), regression.Values.P50!.Value, 9);
        Assert.Equal(PercentileCont(values, 0.9), regression.Values.P90!.Value, 9);
        Assert.Equal(PercentileCont(values, 0.99), regression.Values.P99!.Value, 9);
        Assert.Equal(allLatencies.Average(), metrics.Latency.Avg!.Value, 9);
        Assert.Equal(PercentileCont(allLatencies, 0.5), metrics.Latency.P50!.Value, 9);
        Assert.Equal(PercentileCont(allLatencies, 0.99), metrics.Latency.P99!.Value, 9);
        Assert.Equal(new StatusCounts(values.Length, 1, 0), metrics.Requests.Status);
        Assert.Null(metrics.Classes);

        // The newest bucket holds the events of the last 30 s (Now is 30 s into its minute).
        var newest = events.Where(e => e.At > Now.AddSeconds(-31) && e.TrackedValue is not null).Select(e => e.TrackedValue!.Value).ToArray();
        Assert.Equal(newest.Average(), metrics.Series[^1].ValueAvg!.Value, 9);
        Assert.Equal(PercentileCont(newest, 0.5), metrics.Series[^1].ValueP50!.Value, 9);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Status_codes_are_counted_by_class_in_the_totals_and_in_their_bucket(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        await stores.Predictions.AppendAsync(
            [
                Served("ok-1", Now.AddSeconds(-1)),
                Served("ok-2", Now.AddSeconds(-2)),
                Served("bad-sample", Now.AddSeconds(-2), status: 400),
                Served("model-failed", Now.AddSeconds(-13), status: 406),
                Served("broken", Now.AddSeconds(-14), status: 503),
            ],
            Ct);

        var metrics = await stores.Predictions.QueryMetricsAsync(Deployment, "classifier", MetricsWindow.OneMinute, TrackedKind.None, Now, Ct);

        Assert.Equal(new StatusCounts(2, 2, 1), metrics.Requests.Status);
        Assert.Equal(5 / 60.0, metrics.Requests.RatePerSecond, 9);
        Assert.Equal(12, metrics.Series.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 12, 0, 35, TimeSpan.Zero), metrics.To);
        Assert.Equal(metrics.To.AddMinutes(-1), metrics.From);
        // Buckets of 5 s: [12:00:30, :35) is the newest and still empty; :25-:30 and :15-:20 hold the rest.
        Assert.Equal(Now, metrics.Series[^1].Start);
        Assert.Equal(new StatusCounts(0, 0, 0), metrics.Series[^1].Status);
        Assert.Equal(new StatusCounts(2, 1, 0), metrics.Series[^2].Status);
        Assert.Equal(3, metrics.Series[^2].Count);
        Assert.Equal(new StatusCounts(0, 0, 0), metrics.Series[^3].Status);
        Assert.Equal(new StatusCounts(0, 1, 1), metrics.Series[^4].Status);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Predictions_outside_the_window_or_of_another_deployment_or_api_are_not_counted(string kind)
    {
        using var stores = new StoreUnderTest(kind);
        await stores.Predictions.AppendAsync(
            [
                Served("in", Now.AddSeconds(-30), trackedClass: "cat"),
                Served("too-old", Now.AddMinutes(-2), trackedClass: "cat"),
                Served("other-deployment", Now.AddSeconds(-30), trackedClass: "cat") with { Deployment = "elsewhere" },
                Served("other-api", Now.AddSeconds(-30), trackedClass: "cat") with { Api = "detector" },
            ],
            Ct);

        var metrics = await stores.Predictions.QueryMetricsAsync(Deployment, "classifier", MetricsWindow.OneMinute, TrackedKind.Classification, Now, Ct);

        Assert.Equal(1, metrics.Requests.Count);
        Assert.Equal([new ClassCount("cat", 1)], metrics.Classes);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_window_without_predictions_has_zero_counts_null_statistics_and_every_bucket(string kind)
    {
        using var stores = new StoreUnderTest(kind);

        var metrics = await stores.Predictions.QueryMetricsAsync(Deployment, "classifier", MetricsWindow.FourteenDays, TrackedKind.Regression, Now, Ct);

        Assert.Equal(0, metrics.Requests.Count);
        Assert.Equal(PercentileSummary.Empty, metrics.Latency);
        Assert.Equal(new RegressionSummary(0, null, null, PercentileSummary.Empty), metrics.Regression);
        Assert.Equal(28, metrics.Series.Count);
        Assert.All(metrics.Series, bucket => Assert.Equal(0, bucket.Count));
        Assert.Equal(TimeSpan.FromHours(12), metrics.Series[1].Start - metrics.Series[0].Start);
    }

    [PostgresFact]
    public async Task The_postgres_schema_is_migrated_once_however_many_stores_start_together()
    {
        using var database = new PostgresTestDatabase();
        var stores = Enumerable.Range(0, 8).Select(_ => new PostgresPredictionStore(database.DataSource)).ToArray();

        await Task.WhenAll(stores.Select(s => s.InitializeAsync(Ct)));

        await using var command = database.DataSource.CreateCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version;");
        Assert.Equal(string.Join(',', Enumerable.Range(1, PostgresSchema.LatestVersion)), (string?)await command.ExecuteScalarAsync(Ct));
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    /// <summary>PostgreSQL's percentile_cont: linear interpolation between the ranks around p × (n − 1).</summary>
    private static double PercentileCont(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static PredictionServed Served(string requestId, DateTimeOffset at, string? trackedClass = null, double? trackedValue = null, int status = 200, double latency = 3) =>
        new("classifier", Deployment, requestId, at, status, latency, 0.5, 4, "worker-1", trackedClass, trackedValue);
}
