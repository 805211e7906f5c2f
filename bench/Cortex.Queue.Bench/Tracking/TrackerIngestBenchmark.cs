using System.Diagnostics;
using Cortex.Queue.Bench.Setup;
using Cortex.Queue.Contracts;
using Cortex.Queue.Messaging;
using Cortex.Queue.Storage;
using Cortex.Queue.Tracker;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;

namespace Cortex.Queue.Bench.Tracking;

/// <summary>
/// Tracker ingest rate: N prediction events are published into the tracker's queue while no tracker runs, then a
/// tracker starts and the time until all N are in PostgreSQL is measured (RabbitMQ → the tracker's event consumer → binary COPY).
/// The baseline writes the same rows into the same (emptied) table with one raw binary COPY, the fastest way
/// PostgreSQL takes rows. Repeated in rounds; runs in a schema of its own, dropped afterwards.
/// </summary>
public sealed class TrackerIngestBenchmark(string rabbitMq, string postgres, TextWriter log)
{
    private const string Api = "bench-tracker";
    private const int WarmupEvents = 400_000;
    private readonly ILoggerFactory _loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(console => console.SingleLine = true));

    public async Task<TrackerIngestResult> RunAsync(int count, int rounds)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var queue = "bench-prediction-served-" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
        // The tracker's own knobs (env Tracker__BatchSize, Tracker__ConcurrentBatches, ...), as the tracker process reads them.
        var options = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(TrackerOptions.SectionName).Get<TrackerOptions>() ?? new TrackerOptions();
        options.QueueName = queue;
        await ExecuteAsync(postgres, $"CREATE SCHEMA {schema};");
        // MassTransit keeps the first bus's logger factory in a static log context, so every host gets the same one,
        // which outlives them all; hosts that are done are disposed at once so their buses are surely gone.
        var hosts = new List<IHost>();
        try
        {
            var events = MakeEvents(count);
            string version;
            string settings;
            await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            {
                await PostgresSchema.EnsureAsync(dataSource, CancellationToken.None);
                await using var versionCommand = dataSource.CreateCommand("SHOW server_version;");
                version = (string)(await versionCommand.ExecuteScalarAsync())!;
                // The server's durability settings decide what a commit costs; the report states them.
                await using var settingsCommand = dataSource.CreateCommand(
                    "SELECT string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_wal_size');");
                settings = (string)(await settingsCommand.ExecuteScalarAsync())!;
            }

            // Declare and bind the tracker's queue, then stop the tracker so the events wait in the queue.
            using (var declaring = BuildTracker(connectionString, options))
            {
                await declaring.StartAsync();
                await WaitUntilConnectedAsync(declaring);
                await declaring.StopAsync();
            }

            // First one untimed pass through both paths. A tracker runs for days, so the rate that matters is the one after
            // JIT compilation and the heap have settled; in development runs a fresh process drained at ~160-210k events/s
            // in its first two seconds and ~300k from the third on, which short rounds would mostly have measured.
            var warmup = events[..Math.Min(events.Length, WarmupEvents)];
            log.WriteLine($"[tracker] warm-up pass (untimed): {warmup.Length} events through the tracker and by raw COPY");
            await ResetTableAsync(connectionString);
            await PublishAsync(warmup);
            await DrainAsync(hosts, connectionString, options, warmup.Length);
            await ResetTableAsync(connectionString);
            await RawCopyAsync(connectionString, warmup);

            // Rounds, because one drain of a few seconds on a shared machine swings by ±15%: each round measures both
            // paths back to back, each into the same table emptied and vacuumed just before, and the median is reported.
            var results = new List<TrackerIngestRound>();
            for (var round = 1; round <= rounds; round++)
            {
                log.WriteLine($"[tracker] round {round}/{rounds}: publishing {count} events, draining them through the tracker, then the raw COPY");
                await ResetTableAsync(connectionString);
                var publishSeconds = await PublishAsync(events);
                var (trackerSeconds, trackerPostgresCpu) = await DrainAsync(hosts, connectionString, options, count);
                await ResetTableAsync(connectionString);
                var beforeRaw = PostgresProcesses.CpuMilliseconds();
                var rawSeconds = await RawCopyAsync(connectionString, events);
                var afterRaw = PostgresProcesses.CpuMilliseconds();
                var measured = new TrackerIngestRound(publishSeconds, trackerSeconds, rawSeconds, trackerPostgresCpu, (afterRaw - beforeRaw) / 1000);
                log.WriteLine($"[tracker]   tracker {count / trackerSeconds:0} events/s, raw COPY {count / rawSeconds:0} events/s ({measured.Ratio:0.00}x)");
                results.Add(measured);
            }
            return new TrackerIngestResult(count, options.BatchSize, options.BatchTimeLimit, options.ConcurrentBatches, results, version, settings, null);
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres, $"DROP SCHEMA IF EXISTS {schema} CASCADE;");
            await DeleteQueueAsync(queue);
        }
    }

    /// <summary>Fills the queue as workers do: up to PredictionServedBatch.MaxEvents events per message, a few messages at a time.</summary>
    private async Task<double> PublishAsync(PredictionServed[] events)
    {
        var clock = Stopwatch.StartNew();
        using var publisher = BuildPublisher();
        await publisher.StartAsync();
        await WaitUntilConnectedAsync(publisher);
        var bus = publisher.Services.GetRequiredService<IBus>();
        foreach (var chunk in events.Chunk(PredictionServedBatch.MaxEvents).Chunk(4))
        {
            await Task.WhenAll(chunk.Select(group => bus.Publish(new PredictionServedBatch(group))));
        }
        await publisher.StopAsync();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Starts a tracker on the filled queue and times it until every event is stored; also returns the CPU seconds
    /// PostgreSQL used from the tracker's start to the last stored row (null when it does not run on this machine).
    /// </summary>
    private async Task<(double Seconds, double? PostgresCpuSeconds)> DrainAsync(List<IHost> hosts, string connectionString, TrackerOptions options, int count)
    {
        var tracker = Track(hosts, BuildTracker(connectionString, options));
        var store = (CountingPredictionStore)tracker.Services.GetRequiredService<IPredictionStore>();
        await store.InitializeAsync(CancellationToken.None);
        var before = await store.CountAsync(Api, CancellationToken.None);
        if (before > 0)
        {
            throw new InvalidOperationException($"{before} events were stored before the tracker started; the measurement would be wrong");
        }

        // Timed from the first committed batch to the last: the ingest rate of a running tracker, without the second
        // or so a process spends starting and connecting (which a long-running tracker pays once). The store counts
        // committed rows itself, so watching costs PostgreSQL nothing.
        var postgresCpuBefore = PostgresProcesses.CpuMilliseconds();
        var clock = Stopwatch.StartNew();
        await tracker.StartAsync();
        var deadline = TimeSpan.FromSeconds(Math.Max(120, count / 500.0));
        long stored;
        long storedAtFirst = 0;
        TimeSpan? firstAt = null;
        while ((stored = store.Stored) < count)
        {
            if (stored > 0 && firstAt is null)
            {
                firstAt = clock.Elapsed;
                storedAtFirst = stored;
            }
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"the tracker stored {stored} of {count} events in {deadline.TotalSeconds:0} s");
            }
            await Task.Delay(5);
        }
        var postgresCpu = (PostgresProcesses.CpuMilliseconds() - postgresCpuBefore) / 1000;
        // Scale the steady-state time up to all events, so events/s = count / seconds stays the rate measured.
        var measured = clock.Elapsed - (firstAt ?? TimeSpan.Zero);
        var seconds = firstAt is null || count == storedAtFirst
            ? clock.Elapsed.TotalSeconds
            : measured.TotalSeconds * count / (count - storedAtFirst);
        await WaitUntilConnectedAsync(tracker);
        await tracker.StopAsync();
        var inTable = await store.CountAsync(Api, CancellationToken.None);
        if (inTable != count)
        {
            throw new InvalidOperationException($"the tracker reported {stored} rows written but the table holds {inTable} of {count}");
        }
        return (seconds, postgresCpu);
    }

    /// <summary>The same rows into the same table by one raw binary COPY, with no queue.</summary>
    private static async Task<double> RawCopyAsync(string connectionString, PredictionServed[] events)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await PostgresPredictionStore.CopyAsync(connection, "COPY predictions (api, request_id, deployment, at, status_code, latency_ms, queue_wait_ms, batch_size, worker_id, tracked_class, tracked_value) FROM STDIN (FORMAT BINARY)", events, CancellationToken.None);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Empties and vacuums the table, then forces a checkpoint: each path then starts from the same state, and no
    /// checkpoint (due every few hundred MB of WAL, i.e. every round or two) lands in the middle of one path only.
    /// </summary>
    private async Task ResetTableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in new[] { "TRUNCATE predictions;", "VACUUM ANALYZE predictions;" })
        {
            await using var reset = new NpgsqlCommand(sql, connection);
            await reset.ExecuteNonQueryAsync();
        }
        try
        {
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT;", connection);
            await checkpoint.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            log.WriteLine("[tracker]   (no CHECKPOINT between paths: the benchmark's PostgreSQL user may not run it)");
        }
    }

    /// <summary>
    /// The bus and the tracker's consumer start in the background; stopping a host before they are up would leave them
    /// running, and the queue might not be declared yet.
    /// </summary>
    private static async Task WaitUntilConnectedAsync(IHost host)
    {
        var bus = host.Services.GetRequiredService<IBusControl>();
        var checks = host.Services.GetService<HealthCheckService>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy || (checks is not null && (await checks.CheckHealthAsync()).Status != HealthStatus.Healthy))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the bus or the tracker's consumer did not connect within 60 s: {bus.CheckHealth().Description}");
            }
            await Task.Delay(50);
        }
    }

    private static IHost Track(List<IHost> hosts, IHost host)
    {
        hosts.Add(host);
        return host;
    }

    private static PredictionServed[] MakeEvents(int count)
    {
        var random = new Random(4);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        return Enumerable.Range(0, count)
            .Select(i => new PredictionServed(
                Api,
                "bench",
                // As the ingress makes them: version 7 UUIDs (32 hex digits), which compress less than a counter would.
                Guid.CreateVersion7(start.AddMilliseconds(i)).ToString("N"),
                start.AddMilliseconds(i),
                200,
                1 + random.NextDouble() * 10,
                random.NextDouble(),
                1 + random.Next(32),
                "bench-worker",
                random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                null))
            .ToArray();
    }

    private IHost BuildTracker(string connectionString, TrackerOptions options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(_loggers);
        // Registered first, so AddPostgresStores keeps it (it adds its stores only where none is registered).
        builder.Services.AddSingleton<IPredictionStore>(provider => new CountingPredictionStore(new PostgresPredictionStore(provider.GetRequiredService<NpgsqlDataSource>())));
        builder.Services.AddPostgresStores(connectionString, expireAsyncResults: false);
        var messaging = new MessagingOptions { RabbitMq = rabbitMq };
        builder.Services.AddCortexBus(messaging, bus => bus.AddCortexTrackerConsumers(options, messaging, recordAsyncResults: false));
        return builder.Build();
    }

    private IHost BuildPublisher()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(_loggers);
        builder.Services.AddCortexBus(new MessagingOptions { RabbitMq = rabbitMq }, _ => { });
        return builder.Build();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task DeleteQueueAsync(string queue)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var name in new[] { queue, queue + "_error", queue + "_skipped" })
            {
                await channel.QueueDeleteAsync(name);
            }
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
        {
            log.WriteLine($"[tracker] could not delete queue {queue}: {exception.Message}");
        }
    }
}
