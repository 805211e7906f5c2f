using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cortex.Queue.Bench.Load;
using Cortex.Queue.Bench.Setup;
using Cortex.Queue.Cli.Commands;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Config;
using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Tensors;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Bench.Handlers;

/// <summary>
/// The iris model served three times in one embedded host (in-memory transport): without a handler, with the iris
/// example's post_inference, and with the friendly-input example's pre_inference and post_inference. The three run
/// in interleaved segments (A-B-C-C-B-A) at each concurrency, so the ratio is the handlers' cost and not drift.
/// </summary>
public sealed class HandlerBenchmark(BenchOptions options, RepositoryPaths paths, TextWriter log)
{
    private const int CallsPerStageMeasurement = 20_000;

    public async Task<HandlerBenchmarkResult> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cortex-bench-handlers-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInFolderAsync(folder).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            log.WriteLine($"  FAILED: {exception.Message}");
            return new HandlerBenchmarkResult($"failed: {exception.Message.Split('\n')[0]}", 0, 0, 0, 0, []);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
    }

    private async Task<HandlerBenchmarkResult> RunInFolderAsync(string folder)
    {
        var friendlyExample = Path.Combine(paths.Root, "examples", "iris-friendly-input");
        // Each handler in a folder of its own, which is also its python_path, so neither compiles the other.
        CopyHandler(Path.Combine(paths.IrisExample, "handler.cs"), Path.Combine(folder, "labels"));
        CopyHandler(Path.Combine(friendlyExample, "handler.cs"), Path.Combine(folder, "friendly"));
        var configPath = Path.Combine(folder, CortexConfigLoader.FileName);
        await File.WriteAllTextAsync(configPath, Yaml(Path.Combine(paths.IrisExample, "model.onnx"))).ConfigureAwait(false);
        var config = CortexConfigLoader.LoadOrThrow(configPath);

        // Compile cost at worker start: the first compile also reads the reference assemblies; later ones reuse them.
        var clock = Stopwatch.StartNew();
        RequestHandlerLoader.Load(config.Apis[1])!.Dispose();
        var firstCompileMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        using var friendly = RequestHandlerLoader.Load(config.Apis[2])!;
        var secondCompileMs = clock.Elapsed.TotalMilliseconds;
        // A third compile of changed sources (compiles are cached by content): the compiler's own code is warm by now.
        File.AppendAllText(Path.Combine(folder, "labels", "handler.cs"), "\n// changed\n");
        clock.Restart();
        RequestHandlerLoader.Load(config.Apis[1])!.Dispose();
        var laterCompileMs = Math.Min(secondCompileMs, clock.Elapsed.TotalMilliseconds);
        log.WriteLine($"  compile: first {firstCompileMs:0} ms, second {secondCompileMs:0} ms, later {laterCompileMs:0} ms");

        var (preUs, postUs) = await MeasureStagesAsync(friendly, File.ReadAllText(Path.Combine(friendlyExample, "sample.json"))).ConfigureAwait(false);
        log.WriteLine($"  handler calls alone: pre_inference {preUs:0.0} µs, post_inference {postUs:0.0} µs");

        var irisBody = SampleBodies(File.ReadAllText(Path.Combine(paths.IrisExample, "sample.json")));
        var friendlyBody = SampleBodies(File.ReadAllText(Path.Combine(friendlyExample, "sample.json")));
        var port = FreeLoopbackPort();
        await using var app = EmbeddedHost.Build(config, new EmbeddedHostOptions
        {
            Port = port,
            AsyncStorePath = Path.Combine(folder, "cortex.db"),
            MinimumLogLevel = LogLevel.Warning,
        });
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            if (!await ReadinessWaiter.WaitAsync(baseUrl, TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false))
            {
                throw new TimeoutException($"the ingress at {baseUrl} was not ready within 2 minutes");
            }
            var none = new Uri(baseUrl + config.Apis[0].Endpoint);
            var post = new Uri(baseUrl + config.Apis[1].Endpoint);
            var both = new Uri(baseUrl + config.Apis[2].Endpoint);
            using var load = new LoadGenerator(maxConnections: options.Concurrencies.Max() * 2);
            var levels = new List<HandlerLevelResult>();
            foreach (var concurrency in options.Concurrencies)
            {
                var level = await MeasureLevelAsync(load, (none, irisBody), (post, irisBody), (both, friendlyBody), concurrency).ConfigureAwait(false);
                levels.Add(level);
                log.WriteLine(
                    $"  c={concurrency,-3} none {level.None.RequestsPerSecond,7:0} req/s p50 {level.None.P50,6:0.00} ms | " +
                    $"post {level.PostOnly.RequestsPerSecond,7:0} req/s p50 {level.PostOnly.P50,6:0.00} ms | " +
                    $"pre+post {level.PreAndPost.RequestsPerSecond,7:0} req/s p50 {level.PreAndPost.P50,6:0.00} ms" +
                    (level.None.Failed + level.PostOnly.Failed + level.PreAndPost.Failed > 0
                        ? $" | FAILED: {level.None.FirstError ?? level.PostOnly.FirstError ?? level.PreAndPost.FirstError}"
                        : ""));
            }
            return new HandlerBenchmarkResult(null, firstCompileMs, laterCompileMs, preUs, postUs, levels);
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    private async Task<HandlerLevelResult> MeasureLevelAsync(
        LoadGenerator load, (Uri Url, IReadOnlyList<byte[]> Bodies) none, (Uri Url, IReadOnlyList<byte[]> Bodies) post, (Uri Url, IReadOnlyList<byte[]> Bodies) both, int concurrency)
    {
        var warmup = TimeSpan.FromSeconds(options.WarmupSeconds);
        var segment = TimeSpan.FromSeconds(options.Seconds / 2);
        foreach (var (url, bodies) in new[] { none, post, both })
        {
            await load.RunAsync(url, bodies, concurrency, warmup, options.MaxRequestsPerSegment).ConfigureAwait(false);
        }
        var results = new List<LoadResult>[] { [], [], [] };
        var order = new[] { 0, 1, 2, 2, 1, 0 };
        var targets = new[] { none, post, both };
        foreach (var index in order)
        {
            results[index].Add(await load.RunAsync(targets[index].Url, targets[index].Bodies, concurrency, segment, options.MaxRequestsPerSegment).ConfigureAwait(false));
        }
        return new HandlerLevelResult(concurrency, LoadResult.Combine(results[0]), LoadResult.Combine(results[1]), LoadResult.Combine(results[2]));
    }

    /// <summary>The two stages called directly, back to back on one thread: the handler's own cost without any serving around it.</summary>
    private async Task<(double PreMicroseconds, double PostMicroseconds)> MeasureStagesAsync(Cortex.Queue.Handlers.Invocation.LoadedRequestHandler handler, string sampleJson)
    {
        using var sample = JsonDocument.Parse(sampleJson);
        var signature = new ModelSignature(
            "serving_default",
            [new TensorSpec("input", TensorDataType.Float32, [-1, 4])],
            [new TensorSpec("class_index", TensorDataType.Int64, [-1]), new TensorSpec("probabilities", TensorDataType.Float32, [-1, 3])]);
        const string prediction = """{"class_index":0,"probabilities":[0.9999715,2.8422532E-05,1.3721134E-07]}""";
        var calls = options.Quick ? CallsPerStageMeasurement / 10 : CallsPerStageMeasurement;
        for (var i = 0; i < calls / 10; i++)
        {
            await handler.PreInferenceAsync(sample.RootElement, signature, CancellationToken.None).ConfigureAwait(false);
            await handler.PostInferenceAsync(prediction, signature, CancellationToken.None).ConfigureAwait(false);
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await handler.PreInferenceAsync(sample.RootElement, signature, CancellationToken.None).ConfigureAwait(false);
        }
        var pre = clock.Elapsed.TotalMicroseconds / calls;
        clock.Restart();
        for (var i = 0; i < calls; i++)
        {
            await handler.PostInferenceAsync(prediction, signature, CancellationToken.None).ConfigureAwait(false);
        }
        return (pre, clock.Elapsed.TotalMicroseconds / calls);
    }

    private static void CopyHandler(string source, string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(source, Path.Combine(folder, "handler.cs"));
    }

    private static IReadOnlyList<byte[]> SampleBodies(string json) => [Encoding.UTF8.GetBytes(json.Trim())];

    private static string Yaml(string model) => $"""
        - kind: deployment
          name: cortex-bench-handlers
        - kind: api
          name: bench-handler-none
          onnx:
            model: {model}
          batching: {Batching}
        - kind: api
          name: bench-handler-post
          onnx:
            model: {model}
            request_handler: labels/handler.cs
          python_path: labels
          metadata:
            labels: [iris-setosa, iris-versicolor, iris-virginica]
          batching: {Batching}
        - kind: api
          name: bench-handler-pre-post
          onnx:
            model: {model}
            request_handler: friendly/handler.cs
          python_path: friendly
          metadata:
            features: [sepal_length, sepal_width, petal_length, petal_width]
            labels: [iris-setosa, iris-versicolor, iris-virginica]
          batching: {Batching}
        """;

    // The iris example's own batching, the same for all three.
    private const string Batching = "{max_batch_size: 32, batch_timeout: 2ms}";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
