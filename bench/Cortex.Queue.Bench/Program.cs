using System.Diagnostics;
using System.Globalization;
using Cortex.Queue.Bench.Data;
using Cortex.Queue.Bench.Models;
using Cortex.Queue.Bench.Report;
using Cortex.Queue.Bench.Serving;
using Cortex.Queue.Bench.Setup;
using Cortex.Queue.Bench.Tracking;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.Execution;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length > 0 && args[0] == LoadOnceCommand.Name)
{
    return LoadOnceCommand.Run(args[1..]);
}

var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

var log = Console.Out;
var started = DateTimeOffset.Now;
var clock = Stopwatch.StartNew();
var paths = RepositoryPaths.Locate();
var machine = MachineFacts.Collect();
var notes = new List<string>();
log.WriteLine($"Cortex.Queue benchmark: {machine.Cores} cores, {machine.DotNet}, ONNX Runtime {machine.OnnxRuntime}, load average {machine.LoadAverage}");

var broker = options.RabbitMq is null ? null : await BrokerFacts.DescribeAsync(options.RabbitMq);
if (options.RabbitMq is null)
{
    notes.Add("RabbitMQ scenarios skipped: no broker URL (`--rabbitmq`, `CORTEX_TEST_RABBITMQ` or `CORTEX_RABBITMQ`). `bench/run.sh` starts one.");
}
if (paths.Fixtures is null)
{
    notes.Add($"Fixture scenarios (LeNet ONNX, TensorFlow SavedModels) skipped: {Path.GetFullPath(Path.Combine(paths.Root, "..", "shared", "fixtures"))} is absent.");
}

// Serving scenarios: the iris example always, the LeNet fixture when the fixtures are there.
var mnist = paths.Fixture("datasets", "mnist_t10k") is { } mnistFolder && Directory.Exists(mnistFolder) ? MnistTestSet.Read(mnistFolder, 1000) : null;
var scenarios = new List<ServingScenario> { IrisScenario(paths) };
var lenetPath = paths.Fixture("onnx", "pytorch_lenet5_mnist", "mnist.onnx");
if (lenetPath is not null && File.Exists(lenetPath) && mnist is not null)
{
    scenarios.Add(new ServingScenario(
        "LeNet-5 ONNX (MNIST)",
        "bench-lenet",
        lenetPath,
        32,
        "2ms",
        SampleBodies.MnistInstances(mnist, "input", 1f / 255),
        $"{mnist.Images.Count} real MNIST test digits (x/255), one per request as `{{\"input\": [[[28 × 28 values]]]}}`, sent round-robin"));
}
else if (paths.Fixtures is not null)
{
    notes.Add("LeNet serving scenario skipped: the fixture model or the MNIST test set is missing from the fixtures folder.");
}

Transport[] available = options.RabbitMq is null
    ? [Transport.Embedded]
    : [Transport.Embedded, Transport.RabbitMq, Transport.RabbitMqTransient, Transport.RabbitMqWorkerProcess];
var transports = available.Where(t => options.Transport is null || options.Transport == TransportFlag(t)).ToArray();
var serving = new List<ServingResult>();
var servingBenchmark = new ServingBenchmark(options, paths, options.RabbitMq is null ? null : BrokerProcess.Find(), log);
foreach (var scenario in options.RunsServing ? scenarios.Where(s => options.Scenario is null || s.ApiName == "bench-" + options.Scenario) : [])
{
    foreach (var transport in transports)
    {
        log.WriteLine($"[serving] {scenario.Title}, {transport}");
        serving.Add(await servingBenchmark.RunAsync(scenario, transport));
    }
}

// TensorFlow SavedModels (issue 3): load time and IModel.Run throughput.
var loadTimes = new List<LoadTimeResult>();
var inference = new List<InferenceResult>();
if (options.RunsModels && paths.Fixtures is not null && mnist is not null)
{
    var fixtures = new List<TensorFlowFixture>
    {
        new("tfnet_keras_mnist_dense", paths.Fixture("models", "tfnet_keras_mnist_dense")!, 1f / 255, "x/255"),
        new("mlnet_mnist_conv", paths.Fixture("models", "mlnet_mnist_conv")!, 1f, "raw pixels 0..255"),
    };
    var loadBenchmark = new ModelLoadBenchmark(options.LoadRepeats, log);
    foreach (var fixture in fixtures)
    {
        log.WriteLine($"[load time] {fixture.Name}");
        loadTimes.Add(loadBenchmark.Run(fixture));
    }

    var inferenceBenchmark = new InferenceBenchmark(options.InferenceSeconds, log);
    var cache = Path.Combine(Path.GetTempPath(), "cortex-bench-cache-" + Guid.NewGuid().ToString("N")[..12]);
    try
    {
        foreach (var fixture in fixtures)
        {
            log.WriteLine($"[inference] {fixture.Name}");
            try
            {
                // A cache folder of its own, so the one file in it is this model's lowered graph.
                var folder = Path.Combine(cache, fixture.Name);
                using var model = TensorFlowModel.Load(fixture.Path, new ModelLoadOptions(), new LoweredModelCache(folder));
                var lowered = Directory.GetFiles(folder, "*.onnx").Single();
                inference.AddRange(inferenceBenchmark.Run(new InferenceSubject($"{fixture.Name} ({fixture.Preprocessing})", model, lowered, fixture.PixelScale), mnist, options.BatchSizes));
            }
            catch (ModelLoadException exception)
            {
                notes.Add($"{fixture.Name}: could not be loaded for the inference benchmark: {exception.Message}");
            }
        }
        if (lenetPath is not null && File.Exists(lenetPath))
        {
            log.WriteLine("[inference] pytorch_lenet5_mnist (ONNX)");
            using var lenet = OnnxModel.Load(lenetPath, new ModelLoadOptions());
            inference.AddRange(inferenceBenchmark.Run(new InferenceSubject("pytorch_lenet5_mnist ONNX (x/255)", lenet, lenetPath, 1f / 255), mnist, options.BatchSizes));
        }
    }
    finally
    {
        if (Directory.Exists(cache))
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}

// Request handlers (issue 6): the same model with and without a compiled handler, in the same run.
Cortex.Queue.Bench.Handlers.HandlerBenchmarkResult? handlers = null;
if (options.RunsHandlers)
{
    log.WriteLine("[handlers] iris with no handler, post_inference, pre_inference + post_inference");
    handlers = await new Cortex.Queue.Bench.Handlers.HandlerBenchmark(options, paths, log).RunAsync();
}

// Tracker ingest (issue 4): events/s through RabbitMQ and the tracker into PostgreSQL beside a raw binary COPY.
string? trackerSection = null;
if (options.RunsTracker)
{
    TrackerIngestResult tracker;
    if (options.RabbitMq is null || options.Postgres is null)
    {
        tracker = TrackerIngestResult.Skipped("it needs RabbitMQ and PostgreSQL (`--rabbitmq`/`CORTEX_TEST_RABBITMQ` and `--postgres`/`CORTEX_TEST_POSTGRES`).");
    }
    else
    {
        log.WriteLine($"[tracker] ingest of {options.TrackerEvents} events");
        tracker = await new TrackerIngestBenchmark(options.RabbitMq, options.Postgres, log).RunAsync(options.TrackerEvents, options.TrackerRounds);
        log.WriteLine($"[tracker] median round: tracker {tracker.RateOf(tracker.Median.TrackerSeconds):0} events/s, raw COPY {tracker.RateOf(tracker.Median.RawCopySeconds):0} events/s ({tracker.Median.Ratio:0.00}x)");
    }
    trackerSection = TrackerReportSection.Write(tracker, options.CommandText ?? "dotnet run -c Release --project bench/Cortex.Queue.Bench -- " + string.Join(' ', args), started);
}

var report = new RunReport(
    started,
    clock.Elapsed,
    machine,
    MachineFacts.LoadAverageNow(),
    broker,
    options,
    options.CommandText ?? "dotnet run -c Release --project bench/Cortex.Queue.Bench -- " + string.Join(' ', args),
    paths.Root,
    serving,
    loadTimes,
    inference,
    notes,
    handlers);
var output = Path.GetFullPath(options.OutputPath ?? paths.DefaultReport);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
// `--only tracker` replaces its own section and keeps the tables of the last full run.
var markdown = options.Only == "tracker" && File.Exists(output) ? await File.ReadAllTextAsync(output) : MarkdownReport.Write(report);
if (trackerSection is not null)
{
    markdown = TrackerReportSection.Splice(markdown, trackerSection);
}
await File.WriteAllTextAsync(output, markdown);
log.WriteLine($"wrote {output} after {clock.Elapsed.TotalMinutes:0.0} min");
return serving.Any(r => r.SkipReason is not null) || loadTimes.Any(r => r.Problem is not null) || handlers?.Problem is not null ? 1 : 0;

static string TransportFlag(Transport transport) => transport switch
{
    Transport.Embedded => "embedded",
    Transport.RabbitMq => "rabbitmq",
    Transport.RabbitMqTransient => "rabbitmq-transient",
    _ => "worker-process",
};

static ServingScenario IrisScenario(RepositoryPaths paths)
{
    // The example's own model and batching settings, under a name of our own so a shared broker's queues never mix.
    var example = CortexConfigLoader.LoadOrThrow(paths.IrisExample).Apis[0];
    var sample = File.ReadAllText(Path.Combine(paths.IrisExample, "sample.json"));
    return new ServingScenario(
        "Iris classifier (examples/iris-classifier)",
        "bench-iris",
        example.Model.ResolvedPath,
        example.Batching.MaxBatchSize,
        $"{example.Batching.BatchTimeout.TotalMilliseconds:0.###}ms",
        SampleBodies.FromText(sample),
        $"the example's `sample.json` (`{sample.Trim()}`) on every request");
}
