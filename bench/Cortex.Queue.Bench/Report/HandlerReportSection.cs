using System.Globalization;
using System.Text;
using Cortex.Queue.Bench.Handlers;
using Cortex.Queue.Bench.Load;

namespace Cortex.Queue.Bench.Report;

/// <summary>The "Request handlers" section of <c>docs/benchmarks.md</c> (issue 6).</summary>
public static class HandlerReportSection
{
    public static void Write(StringBuilder text, HandlerBenchmarkResult? result)
    {
        if (result is null)
        {
            return;
        }
        Line(text, "## Request handlers: overhead (issue 6)");
        Line(text);
        if (result.Problem is not null)
        {
            Line(text, $"Not measured: {result.Problem}");
            Line(text);
            return;
        }
        Line(text, "The iris model served three times by one embedded host (in-memory transport), measured in interleaved segments");
        Line(text, "(A-B-C-C-B-A) of the same run: without a handler; with `examples/iris-classifier/handler.cs` (post_inference:");
        Line(text, "class index → label from `metadata:`); with `examples/iris-friendly-input/handler.cs` (pre_inference: named");
        Line(text, "measurements → tensor, and post_inference: species and confidence). Ratios are against the no-handler API.");
        Line(text);
        Line(text, "| Clients | No handler req/s | p50 ms | p99 ms | post_inference req/s | p50 ms | p99 ms | ratio | pre + post req/s | p50 ms | p99 ms | ratio |");
        Line(text, "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var level in result.Levels)
        {
            Line(text, string.Create(CultureInfo.InvariantCulture,
                $"| {level.Concurrency} | {Cells(level.None)} | {Cells(level.PostOnly)} | {Ratio(level.PostOnly, level.None)} | {Cells(level.PreAndPost)} | {Ratio(level.PreAndPost, level.None)} |"));
        }
        Line(text);
        Line(text, string.Create(CultureInfo.InvariantCulture,
            $"The handler calls alone (the friendly-input handler, one thread, back to back): pre_inference {result.PreInferenceMicroseconds:0.0} µs, post_inference {result.PostInferenceMicroseconds:0.0} µs per call, JSON conversions included."));
        Line(text, string.Create(CultureInfo.InvariantCulture,
            $"Compiling a handler at worker start: {result.FirstCompileMs:0} ms for the first in a process (it reads the reference assemblies), {result.LaterCompileMs:0} ms for a later one (references cached; best of the second and third compile)."));
        Line(text);
    }

    private static string Cells(LoadResult load) =>
        string.Create(CultureInfo.InvariantCulture, $"{load.RequestsPerSecond:0} | {load.P50:0.00} | {load.P99:0.00}");

    private static string Ratio(LoadResult handled, LoadResult baseline) =>
        baseline.RequestsPerSecond > 0 ? string.Create(CultureInfo.InvariantCulture, $"{handled.RequestsPerSecond / baseline.RequestsPerSecond:0.00}×") : "–";

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
