using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cortex.Queue.Bench.Load;
using Cortex.Queue.Bench.Setup;
using Cortex.Queue.Cli.Commands;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Bench.Serving;

/// <summary>
/// Serves one model through the real ingress and worker (<see cref="EmbeddedHost"/>) with the direct baseline route
/// on the same server, and measures both paths side by side at each concurrency level.
/// </summary>
public sealed class ServingBenchmark(BenchOptions options, RepositoryPaths paths, int? brokerProcessId, TextWriter log)
{
    private const string DeploymentName = "cortex-bench";
    private const int AnswersToCompare = 20;
    private static readonly TimeSpan ReadinessLimit = TimeSpan.FromMinutes(2);

    public async Task<ServingResult> RunAsync(ServingScenario scenario, Transport transport)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cortex-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInFolderAsync(scenario, transport, folder).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            log.WriteLine($"  FAILED: {exception.Message}");
            return new ServingResult(scenario, transport, $"failed: {FirstLine(exception.Message)}", TimeSpan.Zero, null, null, 0, 0, []);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private async Task<ServingResult> RunInFolderAsync(ServingScenario scenario, Transport transport, string folder)
    {
        var configPath = Path.Combine(folder, CortexConfigLoader.FileName);
        await File.WriteAllTextAsync(configPath, Yaml(scenario)).ConfigureAwait(false);
        var config = CortexConfigLoader.LoadOrThrow(configPath);
        var api = config.Apis[0];
        var port = FreeLoopbackPort();
        var hostOptions = new EmbeddedHostOptions
        {
            Port = port,
            RabbitMq = transport == Transport.Embedded ? null : options.RabbitMq,
            RunWorkers = transport != Transport.RabbitMqWorkerProcess,
            AsyncStorePath = Path.Combine(folder, "cortex.db"),
            MinimumLogLevel = LogLevel.Warning,
            DurableSyncRequests = transport == Transport.RabbitMqTransient ? false : null,
        };

        var startup = Stopwatch.StartNew();
        using var directModel = ServingModelLoader.Default.Load(api.Model, new ModelLoadOptions());
        using var worker = transport == Transport.RabbitMqWorkerProcess ? WorkerProcess.Start(paths.WorkerOutput, configPath, api.Name, options.RabbitMq!) : null;
        await using var app = EmbeddedHost.Build(config, hostOptions);
        DirectPredictRoute.Map(app, api.Name, directModel);
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            if (!await ReadinessWaiter.WaitAsync(baseUrl, ReadinessLimit, CancellationToken.None).ConfigureAwait(false))
            {
                throw new TimeoutException($"the ingress at {baseUrl} was not ready within {ReadinessLimit.TotalSeconds:0} s");
            }
            var queueUrl = new Uri(baseUrl + api.Endpoint);
            var directUrl = new Uri(baseUrl + DirectPredictRoute.PathFor(api.Name));
            using var load = new LoadGenerator(maxConnections: options.Concurrencies.Max() * 2);
            await WaitForFirstAnswerAsync(load, queueUrl, scenario.Bodies[0], worker).ConfigureAwait(false);
            startup.Stop();
            log.WriteLine($"  ready after {startup.Elapsed.TotalSeconds:0.0} s");

            var (compared, identical) = await CompareAnswersAsync(load, directUrl, queueUrl, scenario.Bodies).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var idleRss = ProcessMemory.ResidentBytes();
            var idleWorkerRss = worker is null ? null : ProcessMemory.ResidentBytes(worker.ProcessId);

            // Until the JIT has compiled the hot code of both paths fully, the queue path is handicapped the most.
            var jitWarmup = TimeSpan.FromSeconds(options.JitWarmupSeconds);
            await load.RunAsync(directUrl, scenario.Bodies, options.Concurrencies.Max(), jitWarmup, options.MaxRequestsPerSegment).ConfigureAwait(false);
            await load.RunAsync(queueUrl, scenario.Bodies, options.Concurrencies.Max(), jitWarmup, options.MaxRequestsPerSegment).ConfigureAwait(false);

            using var metrics = new QueueMetricsRecorder();
            var levels = new List<ConcurrencyResult>();
            foreach (var concurrency in options.Concurrencies)
            {
                var level = await MeasureLevelAsync(load, directUrl, queueUrl, scenario.Bodies, concurrency, metrics, worker, transport != Transport.Embedded).ConfigureAwait(false);
                levels.Add(level);
                log.WriteLine(
                    $"  c={concurrency,-3} direct {level.Direct.RequestsPerSecond,8:0} req/s p50 {level.Direct.P50,7:0.00} ms p99 {level.Direct.P99,7:0.00} ms | " +
                    $"queue {level.Queue.RequestsPerSecond,8:0} req/s p50 {level.Queue.P50,7:0.00} ms p99 {level.Queue.P99,7:0.00} ms | " +
                    $"ratio {level.ThroughputRatio:0.00} | batch {level.BatchSize.Mean:0.0} | requests/message {level.MessageSamples.Mean:0.0} | queue wait p50 {level.QueueWaitMs.P50:0.0} ms | " +
                    $"CPU/request direct {level.DirectCpuPerRequest.TotalMs:0.000} ms, queue {level.QueueCpuPerRequest.ProcessMs:0.000} + worker {level.QueueCpuPerRequest.WorkerMs:0.000} + broker {level.QueueCpuPerRequest.BrokerMs:0.000} ms" +
                    (level.Direct.Failed + level.Queue.Failed > 0 ? $" | FAILED {level.Direct.Failed}+{level.Queue.Failed}: {level.Direct.FirstError ?? level.Queue.FirstError}" : ""));
            }
            return new ServingResult(scenario, transport, null, startup.Elapsed, idleRss, idleWorkerRss, compared, identical, levels);
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    private async Task<ConcurrencyResult> MeasureLevelAsync(
        LoadGenerator load, Uri directUrl, Uri queueUrl, IReadOnlyList<byte[]> bodies, int concurrency, QueueMetricsRecorder metrics, WorkerProcess? worker, bool transportUsesBroker)
    {
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        await load.RunAsync(directUrl, bodies, concurrency, warmup, options.MaxRequestsPerSegment).ConfigureAwait(false);
        await load.RunAsync(queueUrl, bodies, concurrency, warmup, options.MaxRequestsPerSegment).ConfigureAwait(false);

        // A-B-B-A: whatever else the machine does drifts over both paths alike.
        var half = TimeSpan.FromSeconds(options.Seconds / 2);
        var broker = transportUsesBroker ? brokerProcessId : null;
        var direct = new List<LoadResult>();
        var queue = new List<LoadResult>();
        var directCpu = CpuReading.Zero;
        var queueCpu = CpuReading.Zero;

        async Task<LoadResult> SegmentAsync(Uri url, bool isQueue)
        {
            var before = CpuReading.Take(worker?.ProcessId, broker);
            var result = await load.RunAsync(url, bodies, concurrency, half, options.MaxRequestsPerSegment).ConfigureAwait(false);
            var used = CpuReading.Take(worker?.ProcessId, broker) - before;
            if (isQueue)
            {
                queueCpu += used;
            }
            else
            {
                directCpu += used;
            }
            return result;
        }

        direct.Add(await SegmentAsync(directUrl, isQueue: false).ConfigureAwait(false));

        metrics.Reset();
        var processRss = new RssSampler(Environment.ProcessId);
        var workerRss = worker is null ? null : new RssSampler(worker.ProcessId);
        queue.Add(await SegmentAsync(queueUrl, isQueue: true).ConfigureAwait(false));
        queue.Add(await SegmentAsync(queueUrl, isQueue: true).ConfigureAwait(false));
        await processRss.DisposeAsync().ConfigureAwait(false);
        if (workerRss is not null)
        {
            await workerRss.DisposeAsync().ConfigureAwait(false);
        }
        var (queueWait, batchSizes, messageSamples) = metrics.Take();

        direct.Add(await SegmentAsync(directUrl, isQueue: false).ConfigureAwait(false));
        var directResult = LoadResult.Combine(direct);
        var queueResult = LoadResult.Combine(queue);
        return new ConcurrencyResult(
            concurrency,
            directResult,
            queueResult,
            DistributionSummary.Of(queueWait),
            DistributionSummary.Of(batchSizes),
            DistributionSummary.Of(messageSamples),
            processRss.PeakBytes,
            workerRss?.PeakBytes,
            directCpu.PerRequest(directResult.Succeeded),
            queueCpu.PerRequest(queueResult.Succeeded));
    }

    /// <summary>
    /// Sends the first sample until the queue path answers. A worker in its own process may still be loading; the
    /// ingress then holds the request until the API's timeout, so each attempt is bounded by it.
    /// </summary>
    private static async Task WaitForFirstAnswerAsync(LoadGenerator load, Uri queueUrl, byte[] body, WorkerProcess? worker)
    {
        var deadline = DateTime.UtcNow + ReadinessLimit;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (worker is { HasExited: true })
            {
                throw new InvalidOperationException($"the worker process exited:\n{worker.RecentOutput}");
            }
            var (status, text) = await load.SendAsync(queueUrl, body).ConfigureAwait(false);
            if (status == HttpStatusCode.OK)
            {
                return;
            }
            last = $"HTTP {(int)status}: {text}";
            await Task.Delay(500).ConfigureAwait(false);
        }
        throw new TimeoutException($"{queueUrl} did not answer within {ReadinessLimit.TotalSeconds:0} s; last: {last}" +
            (worker is null ? "" : $"\nworker output:\n{worker.RecentOutput}"));
    }

    /// <summary>One request at a time, so the queue path runs batches of one: both paths must give the same bytes.</summary>
    private static async Task<(int Compared, int Identical)> CompareAnswersAsync(LoadGenerator load, Uri directUrl, Uri queueUrl, IReadOnlyList<byte[]> bodies)
    {
        var compared = Math.Min(AnswersToCompare, bodies.Count);
        var identical = 0;
        for (var i = 0; i < compared; i++)
        {
            var direct = await load.SendAsync(directUrl, bodies[i]).ConfigureAwait(false);
            var queued = await load.SendAsync(queueUrl, bodies[i]).ConfigureAwait(false);
            if (direct.Status == HttpStatusCode.OK && queued.Status == HttpStatusCode.OK && direct.Body == queued.Body)
            {
                identical++;
            }
        }
        return (compared, identical);
    }

    private static string Yaml(ServingScenario scenario) => $"""
        - kind: deployment
          name: {DeploymentName}
        - kind: api
          name: {scenario.ApiName}
          onnx:
            model: '{scenario.ModelPath.Replace("'", "''", StringComparison.Ordinal)}'
          batching:
            max_batch_size: {scenario.MaxBatchSize}
            batch_timeout: {scenario.BatchTimeout}
        """;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a benchmark for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
