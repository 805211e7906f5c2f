using System.Globalization;
using System.Text;
using Cortex.Queue.Bench.Models;
using Cortex.Queue.Bench.Serving;

namespace Cortex.Queue.Bench.Report;

/// <summary>Writes <c>docs/benchmarks.md</c>: machine, command, targets met or not, then every table.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(RunReport report)
    {
        var text = new StringBuilder();
        WriteHeader(text, report);
        WriteTargets(text, report);
        WriteServing(text, report);
        WriteMemory(text, report);
        WriteLoadTimes(text, report);
        WriteInference(text, report);
        HandlerReportSection.Write(text, report.Handlers);
        WriteNotes(text, report);
        return text.ToString();
    }

    private static void WriteHeader(StringBuilder text, RunReport report)
    {
        var machine = report.Machine;
        var options = report.Options;
        Line(text, "# Benchmarks");
        Line(text);
        Line(text, "Written by `bench/run.sh` (project `bench/Cortex.Queue.Bench`); rerun it to replace this file. Every number below");
        Line(text, "comes from one run on one machine, and each is shown beside a baseline measured in the same run, side by side:");
        Line(text, "the serving paths beside a direct in-process call of the same model on the same HTTP server, the TensorFlow models'");
        Line(text, "`IModel.Run` beside a bare ONNX Runtime session on the same lowered graph. Ratios are the point; absolute numbers");
        Line(text, "depend on the machine and on what else it was doing.");
        Line(text);
        Line(text, "## Run");
        Line(text);
        Line(text, "| | |");
        Line(text, "|---|---|");
        Line(text, $"| Date | {report.Started.ToString("yyyy-MM-dd HH:mm zzz", Invariant)} (took {report.Duration.TotalMinutes:0.0} min) |");
        Line(text, $"| Command | `{report.Command}` |");
        Line(text, $"| Settings | {options.JitWarmupSeconds:0.#} s warm-up per path and server at the highest concurrency, then {options.WarmupSeconds:0.#} s warm-up + {options.Seconds:0.#} s measured per path and concurrency; {options.InferenceSeconds:0.#} s per model and batch size; {options.LoadRepeats} fresh process(es) per load time{(options.Quick ? " (`--quick` smoke run: too short for conclusions)" : "")} |");
        Line(text, $"| CPU | {machine.CpuModel}, {machine.Cores} logical cores (`Environment.ProcessorCount`) |");
        Line(text, $"| Memory | {machine.TotalMemory} (`/proc/meminfo` MemTotal) |");
        Line(text, $"| OS | {machine.Os} |");
        Line(text, $"| .NET | {machine.DotNet}, {machine.GarbageCollector} GC |");
        Line(text, $"| ONNX Runtime | {machine.OnnxRuntime} (CPU) |");
        Line(text, $"| RabbitMQ | {report.Broker ?? "not used (no broker given)"} |");
        Line(text, $"| Load average (1/5/15 min) | {machine.LoadAverage} at the start, {report.LoadAverageAtEnd} at the end |");
        Line(text);
        Line(text, "The machine is shared: other builds and test runs may have been using its cores during the run (see the load");
        Line(text, "average above). The load generator runs in the same process as the server, so client, ingress, broker and worker all");
        Line(text, "compete for the same cores; that handicaps both paths alike. Measured segments of the two paths alternate");
        Line(text, "(direct, queue, queue, direct) so that a change in background load falls on both.");
        Line(text);
    }

    private static void WriteTargets(StringBuilder text, RunReport report)
    {
        Line(text, "## Targets (issue 2)");
        Line(text);
        if (!report.Options.RunsServing)
        {
            Line(text, "The serving part was not run (`--only models`), so neither target was checked.");
            Line(text);
            return;
        }
        var rabbit = report.Serving.Where(r => r.SkipReason is null && r.Transport != Transport.Embedded).ToList();
        if (rabbit.Count == 0)
        {
            Line(text, "No RabbitMQ scenario ran, so neither target was checked. " + (report.Broker is null ? "Start a broker (`eval \"$(scripts/services.sh start)\"`) or pass `--rabbitmq`." : ""));
            Line(text);
            return;
        }
        Line(text, $"| Model | Transport | RabbitMQ / direct throughput at c={report.Options.Concurrencies.Max()} (target ≥ {Targets.MinThroughputRatio:0.0}×) | | p50 at c={report.Options.Concurrencies.Min()}: RabbitMQ − direct (target ≤ {Targets.MaxP50DifferenceMs:0} ms) | |");
        Line(text, "|---|---|---|---|---|---|");
        var met = 0;
        var checks = 0;
        foreach (var result in rabbit)
        {
            var high = result.Levels.MaxBy(l => l.Concurrency)!;
            var low = result.Levels.MinBy(l => l.Concurrency)!;
            var ratioMet = high.ThroughputRatio >= Targets.MinThroughputRatio;
            var latencyMet = low.P50DifferenceMs <= Targets.MaxP50DifferenceMs;
            met += (ratioMet ? 1 : 0) + (latencyMet ? 1 : 0);
            checks += 2;
            Line(text, $"| {result.Scenario.Title} | {TransportName(result.Transport)} | {high.ThroughputRatio:0.00}× ({high.Queue.RequestsPerSecond:0} vs {high.Direct.RequestsPerSecond:0} req/s) | {Verdict(ratioMet)} | {Signed(low.P50DifferenceMs)} ms ({low.Queue.P50:0.00} vs {low.Direct.P50:0.00} ms) | {Verdict(latencyMet)} |");
        }
        Line(text);
        Line(text, met == checks
            ? $"All {checks} checks met in this run."
            : $"{met} of {checks} checks met in this run; the ones marked **missed** are not met. See \"Where the time goes\" below.");
        Line(text);
    }

    private static void WriteServing(StringBuilder text, RunReport report)
    {
        if (report.Serving.Count == 0)
        {
            return;
        }
        Line(text, "## Serving: throughput and latency");
        Line(text);
        Line(text, "Sync `POST` predictions from a closed-loop client (c clients, each sending its next request when the previous answer");
        Line(text, "arrived). *Direct* is a route on the same Kestrel server that parses the body like the ingress and worker do");
        Line(text, "(`SampleParser`, `TensorBatch`, `TensorJsonWriter`) and calls the model in-process at once: no queue, no batching.");
        Line(text, "*Queue* is the product's path: ingress validation → coalesced group message (RabbitMQ.Client on RabbitMQ, MassTransit");
        Line(text, "embedded) → worker batcher → model → reply (direct reply-to on RabbitMQ), plus a prediction event per request to the");
        Line(text, "tracker in the same process (SQLite), as `cortex up` does; the direct route records nothing.");
        Line(text, "Transports: **embedded** = in-memory bus (`cortex up`); **RabbitMQ** = the same single process through the broker");
        Line(text, "(`cortex up --rabbitmq`), synchronous requests as persistent messages (the default); **RabbitMQ, transient sync");
        Line(text, "requests** = the same with `Ingress:DurableSyncRequests` false (see the README's Reliability section for what that gives");
        Line(text, "up); **RabbitMQ, worker process** = ingress here, worker in its own process (`Cortex.Queue.Worker`),");
        Line(text, "as in a distributed deployment. Batch = mean size of the batch each request ran in; queue wait = time from the");
        Line(text, "ingress receiving the oldest request of the request's group message to its batch starting, so it includes the time");
        Line(text, "a request waited in the ingress to be coalesced (recorded by the ingress's `cortex_queue_wait` instrument,");
        Line(text, "millisecond timestamps).");
        Line(text);
        foreach (var group in report.Serving.GroupBy(r => r.Scenario.Title))
        {
            var first = group.First().Scenario;
            Line(text, $"### {first.Title}");
            Line(text);
            Line(text, $"Model `{Path.GetRelativePath(report.RepositoryRoot, first.ModelPath)}`; {first.BodyDescription}; batching: max_batch_size {first.MaxBatchSize}, batch_timeout {first.BatchTimeout}.");
            Line(text);
            Line(text, "| Transport | c | Direct req/s | Queue req/s | Queue/direct | Direct p50 | Queue p50 | Δ p50 | Direct p99 | Queue p99 | Batch | Queue wait p50 / p99 | Failed |");
            Line(text, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var result in group)
            {
                if (result.SkipReason is not null)
                {
                    Line(text, $"| {TransportName(result.Transport)} | | | | | | | | | | | | {result.SkipReason} |");
                    continue;
                }
                foreach (var level in result.Levels)
                {
                    Line(text,
                        $"| {TransportName(result.Transport)} | {level.Concurrency} | {level.Direct.RequestsPerSecond:0} | {level.Queue.RequestsPerSecond:0} | {level.ThroughputRatio:0.00}× " +
                        $"| {level.Direct.P50:0.00} ms | {level.Queue.P50:0.00} ms | {Signed(level.P50DifferenceMs)} ms | {level.Direct.P99:0.00} ms | {level.Queue.P99:0.00} ms " +
                        $"| {level.BatchSize.Mean:0.0} | {level.QueueWaitMs.P50:0.#} / {level.QueueWaitMs.P99:0.#} ms | {level.Direct.Failed + level.Queue.Failed} |");
                }
            }
            Line(text);
            var checkedAnswers = group.Where(r => r.SkipReason is null).ToList();
            if (checkedAnswers.Count > 0)
            {
                Line(text, $"Before measuring, the first {checkedAnswers[0].AnswersCompared} samples were sent one at a time to both paths: " +
                    string.Join("; ", checkedAnswers.Select(r => $"{TransportName(r.Transport)} {r.AnswersIdentical}/{r.AnswersCompared} byte-identical answers")) + ".");
                Line(text);
            }
        }
        WriteBreakdown(text, report);
    }

    private static void WriteBreakdown(StringBuilder text, RunReport report)
    {
        var ran = report.Serving.Where(r => r.SkipReason is null && r.Levels.Count > 0).ToList();
        if (ran.Count == 0)
        {
            return;
        }
        Line(text, "### Where the time goes");
        Line(text);
        Line(text, $"At c={report.Options.Concurrencies.Min()} the queue path's extra median latency is the hop itself (the model runs the same");
        Line(text, "single sample on both paths). Queue wait is the part between the ingress sending and the batch starting;");
        Line(text, "the rest is the reply's way back and the work at both ends (the ingress reads the sample against the signature, the worker checks its tensors).");
        Line(text, $"At c={report.Options.Concurrencies.Max()} the direct path runs one model call per request on the thread pool, while the");
        Line(text, "queue path runs one call per batch; whether batching pays for the hop depends on how much a model call costs");
        Line(text, "compared with moving a request through the bus.");
        Line(text);
        Line(text, "CPU per request is the CPU time (user + system, from `/proc/PID/stat`) used during the measured segments divided by");
        Line(text, "the answers received: for *direct* the benchmark process alone (server and load generator); for *queue* the");
        Line(text, "benchmark process, plus the worker process when it runs apart, plus the RabbitMQ node (`beam.smp`) on the RabbitMQ");
        Line(text, "transports. The broker is shared with anything else using it at the time, so its share is an upper bound.");
        Line(text, "Requests/message = how many requests the ingress coalesced into each message it put on the queue");
        Line(text, "(`cortex_message_samples`); the worker's batches may join several messages.");
        Line(text);
        Line(text, "| Model | Transport | c | Δ p50 (queue − direct) | Queue wait p50 / mean | Batch mean / max | Requests/message mean / max | CPU/request direct | CPU/request queue: process + worker + broker = total |");
        Line(text, "|---|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var result in ran)
        {
            foreach (var level in result.Levels)
            {
                var queueCpu = level.QueueCpuPerRequest;
                Line(text, $"| {result.Scenario.Title} | {TransportName(result.Transport)} | {level.Concurrency} | {Signed(level.P50DifferenceMs)} ms | {level.QueueWaitMs.P50:0.#} / {level.QueueWaitMs.Mean:0.0} ms | {level.BatchSize.Mean:0.0} / {level.BatchSize.Max:0} " +
                    $"| {level.MessageSamples.Mean:0.0} / {level.MessageSamples.Max:0} | {level.DirectCpuPerRequest.TotalMs:0.000} ms | {queueCpu.ProcessMs:0.000} + {Optional(queueCpu.WorkerMs)} + {Optional(queueCpu.BrokerMs)} = {queueCpu.TotalMs:0.000} ms ({queueCpu.TotalMs / level.DirectCpuPerRequest.TotalMs:0.0}×) |");
            }
        }
        Line(text);
        WriteReading(text, report, ran);
    }

    /// <summary>What the breakdown says, in numbers taken from this run (so the words never outlive the data).</summary>
    private static void WriteReading(StringBuilder text, RunReport report, IReadOnlyList<ServingResult> ran)
    {
        var high = report.Options.Concurrencies.Max();
        var low = report.Options.Concurrencies.Min();
        var saturated = ran
            .Select(r => (Result: r, Level: r.Levels.Single(l => l.Concurrency == high)))
            .Where(x => !double.IsNaN(x.Level.QueueCpuPerRequest.TotalMs))
            .ToList();
        if (saturated.Count == 0)
        {
            return;
        }
        Line(text, "Reading the breakdown:");
        Line(text);
        var cpuRatios = saturated.Select(x => x.Level.QueueCpuPerRequest.TotalMs / x.Level.DirectCpuPerRequest.TotalMs).ToList();
        var throughputRatios = saturated.Select(x => x.Level.ThroughputRatio).ToList();
        Line(text, $"- At c={high} every path keeps the cores busy, so throughput is set by CPU time per request. Across the scenarios the " +
            $"queue path spent {cpuRatios.Min():0.0}–{cpuRatios.Max():0.0}× the CPU per answered request of the direct path, and reached " +
            $"{throughputRatios.Min():0.00}–{throughputRatios.Max():0.00}× its throughput. For these small models one model call costs " +
            "tens of microseconds, less than the per-request cost of the hop (coalescing and waking each caller's task, the group " +
            "message and its reply, the prediction event each request records, and on RabbitMQ the broker's work for a persistent " +
            "request and its reply, both publisher-confirmed), so batching the model calls cannot win back what the hop costs per request.");
        var rabbit = saturated.Where(x => x.Result.Transport != Transport.Embedded && x.Level.QueueCpuPerRequest.BrokerMs is not null).ToList();
        if (rabbit.Count > 0)
        {
            var brokerShare = rabbit.Select(x => x.Level.QueueCpuPerRequest.BrokerMs!.Value / x.Level.QueueCpuPerRequest.TotalMs).ToList();
            Line(text, $"- On RabbitMQ the broker alone accounted for {brokerShare.Min() * 100:0}–{brokerShare.Max() * 100:0}% of the queue path's CPU per request.");
        }
        var quiet = ran
            .Select(r => (Result: r, Level: r.Levels.Single(l => l.Concurrency == low)))
            .Where(x => x.Result.Transport != Transport.Embedded)
            .ToList();
        if (quiet.Count > 0)
        {
            Line(text, $"- At c={low} the RabbitMQ path's median added {quiet.Min(x => x.Level.P50DifferenceMs):0.00}–{quiet.Max(x => x.Level.P50DifferenceMs):0.00} ms over the direct path; " +
                $"the ingress-to-batch part of it (queue wait p50, millisecond resolution) was {quiet.Min(x => x.Level.QueueWaitMs.P50):0.#}–{quiet.Max(x => x.Level.QueueWaitMs.P50):0.#} ms, " +
                "and the rest is the reply's way back and the work at both ends. (CPU per request at c=1 is not a cost measure: " +
                "between requests idle threads spin while waiting for work, and that time is counted too.)");
        }
        Line(text);
    }

    private static void WriteMemory(StringBuilder text, RunReport report)
    {
        var ran = report.Serving.Where(r => r.SkipReason is null).ToList();
        if (ran.Count == 0)
        {
            return;
        }
        var high = report.Options.Concurrencies.Max();
        Line(text, "## Memory (RSS)");
        Line(text);
        Line(text, "Resident set size from `/proc/PID/status` (VmRSS). *Process* is the benchmark process: ingress, worker (unless it");
        Line(text, "runs in its own process), the direct path's second copy of the model, and the load generator. *Worker process* is the");
        Line(text, "standalone worker alone, the number to size a worker replica by. Idle = after the models are loaded and warmed and");
        Line(text, $"20 requests were answered; under load = peak of samples every 100 ms during the queue path's c={high} segments.");
        Line(text);
        Line(text, $"| Model | Transport | Process idle | Process under load (peak) | Worker process idle | Worker process under load (peak) |");
        Line(text, "|---|---|--:|--:|--:|--:|");
        foreach (var result in ran)
        {
            var loaded = result.Levels.MaxBy(l => l.Concurrency);
            Line(text, $"| {result.Scenario.Title} | {TransportName(result.Transport)} | {Mib(result.IdleProcessRss)} | {Mib(loaded?.PeakProcessRss)} | {Mib(result.IdleWorkerRss)} | {Mib(loaded?.PeakWorkerRss)} |");
        }
        Line(text);
    }

    private static void WriteLoadTimes(StringBuilder text, RunReport report)
    {
        if (report.LoadTimes.Count == 0)
        {
            return;
        }
        Line(text, "## TensorFlow SavedModels: load time (issue 3)");
        Line(text);
        Line(text, "Each load runs in a fresh process (`Cortex.Queue.Bench load-once`), timed around `TensorFlowModel.Load` alone");
        Line(text, "(process start-up is not included). *Cold*: empty lowered-model cache folder, so the SavedModel is read, its");
        Line(text, "variables restored, the graph lowered to ONNX and the session opened. *Cached*: a second process with the same");
        Line(text, "cache folder (the start after the first). *ONNX alone*: opening the cached `.onnx` file as a plain ONNX model, the");
        Line(text, "floor a cached load could reach. *Cached, warm process*: the cached load repeated inside the second process, so");
        Line(text, "the gap to *Cached* is JIT compilation and other first-use costs of a fresh process. First run = the worker's");
        Line(text, $"warm-up run (batch 1) right after loading. Medians of {report.Options.LoadRepeats} run(s).");
        Line(text);
        Line(text, "| Model | Cold | Cached | Cold / cached | Cached, warm process | ONNX alone | First run after cold / cached load | Lowered ONNX size |");
        Line(text, "|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var result in report.LoadTimes)
        {
            if (result.Problem is not null)
            {
                Line(text, $"| {result.Model} | | | | | | | {result.Problem} |");
                continue;
            }
            var cold = LoadTimeResult.Median(result.Cold, m => m.LoadMs);
            var cached = LoadTimeResult.Median(result.Cached, m => m.LoadMs);
            Line(text, $"| {result.Model} | {cold:0} ms | {cached:0} ms | {cold / cached:0.0}× | {LoadTimeResult.Median(result.Cached, m => m.WarmLoadMs):0} ms | {LoadTimeResult.Median(result.OnnxOnly, m => m.LoadMs):0} ms " +
                $"| {LoadTimeResult.Median(result.Cold, m => m.FirstRunMs):0.0} / {LoadTimeResult.Median(result.Cached, m => m.FirstRunMs):0.0} ms | {result.LoweredBytes / 1024.0:0} KiB |");
        }
        Line(text);
        var measured = report.LoadTimes.Where(r => r.Problem is null && r.Cached.Count > 0).ToList();
        if (measured.Count > 0)
        {
            var warm = measured.Select(r => LoadTimeResult.Median(r.Cached, m => m.WarmLoadMs)).ToList();
            var cached = measured.Select(r => LoadTimeResult.Median(r.Cached, m => m.LoadMs)).ToList();
            var gain = measured.Select(r => LoadTimeResult.Median(r.Cold, m => m.LoadMs) / LoadTimeResult.Median(r.Cached, m => m.LoadMs)).ToList();
            var effect = gain.Min() >= 1.5
                ? $"the cache made a fresh start {gain.Min():0.0}–{gain.Max():0.0}× faster for these models"
                : $"for these small models the cache changed a fresh start little (cold / cached {gain.Min():0.0}–{gain.Max():0.0}×)";
            Line(text, $"Reading it: {effect}. The same cached load " +
                $"took {warm.Min():0}–{warm.Max():0} ms once the process was warm against {cached.Min():0}–{cached.Max():0} ms in a fresh one, so most " +
                "of a fresh start goes to JIT compilation and to loading ONNX Runtime (see *ONNX alone*), not to lowering.");
            Line(text);
        }
    }

    private static void WriteInference(StringBuilder text, RunReport report)
    {
        if (report.Inference.Count == 0)
        {
            return;
        }
        Line(text, "## Inference throughput (issue 3)");
        Line(text, "");
        Line(text, "`IModel.Run` called back to back on one thread with real MNIST test digits stacked into one batch (preprocessing");
        Line(text, "as each fixture's PROVENANCE gives it), beside a bare ONNX Runtime `InferenceSession` on the same ONNX graph (the");
        Line(text, "lowered one for SavedModels) with the same session settings and its input prepared once. The ratio is what Cortex's");
        Line(text, "tensor conversion and output copies cost; the LeNet ONNX fixture is included for comparison with a native ONNX model.");
        Line(text);
        Line(text, "| Model | Batch | IModel.Run samples/s | ms per run | Bare ONNX Runtime samples/s | ms per run | IModel.Run / bare |");
        Line(text, "|---|--:|--:|--:|--:|--:|--:|");
        foreach (var result in report.Inference)
        {
            Line(text, $"| {result.Model} | {result.BatchSize} | {result.CortexSamplesPerSecond:0} | {result.CortexMedianRunMs:0.000} | {result.BareSamplesPerSecond:0} | {result.BareMedianRunMs:0.000} | {result.Ratio:0.00}× |");
        }
        Line(text);
    }

    private static void WriteNotes(StringBuilder text, RunReport report)
    {
        if (report.Notes.Count == 0)
        {
            return;
        }
        Line(text, "## Skipped or noteworthy");
        Line(text);
        foreach (var note in report.Notes)
        {
            Line(text, $"- {note}");
        }
        Line(text);
    }

    private static string TransportName(Transport transport) => transport switch
    {
        Transport.Embedded => "embedded",
        Transport.RabbitMq => "RabbitMQ",
        Transport.RabbitMqTransient => "RabbitMQ, transient sync requests",
        Transport.RabbitMqWorkerProcess => "RabbitMQ, worker process",
        _ => transport.ToString(),
    };

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Signed(double value) => value.ToString("+0.00;−0.00;0.00", Invariant);

    private static string Optional(double? milliseconds) => milliseconds is { } value ? value.ToString("0.000", Invariant) : "–";

    private static string Mib(long? bytes) => bytes is { } value ? string.Create(Invariant, $"{value / 1024.0 / 1024.0:0} MiB") : "–";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static void Line(StringBuilder text) => text.Append('\n');
}
