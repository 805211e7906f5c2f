using System.Globalization;

namespace Cortex.Queue.Bench.Models;

/// <summary>
/// Load time of SavedModels, cold and from the lowered-model cache, each in a fresh process so that the numbers are
/// what a worker start costs (JIT and file cache of the first process do not help the second).
/// </summary>
public sealed class ModelLoadBenchmark(int repeats, TextWriter log)
{
    private static readonly TimeSpan ChildLimit = TimeSpan.FromMinutes(3);

    public LoadTimeResult Run(TensorFlowFixture fixture)
    {
        var cold = new List<LoadMeasurement>();
        var cached = new List<LoadMeasurement>();
        var onnxOnly = new List<LoadMeasurement>();
        long loweredBytes = 0;
        try
        {
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var cache = Path.Combine(Path.GetTempPath(), "cortex-bench-cache-" + Guid.NewGuid().ToString("N")[..12]);
                try
                {
                    cold.Add(Measure(["--tensorflow", fixture.Path, "--cache", cache]));
                    cached.Add(Measure(["--tensorflow", fixture.Path, "--cache", cache]));
                    var lowered = Directory.GetFiles(cache, "*.onnx").Single();
                    loweredBytes = new FileInfo(lowered).Length;
                    onnxOnly.Add(Measure(["--onnx", lowered]));
                }
                finally
                {
                    if (Directory.Exists(cache))
                    {
                        Directory.Delete(cache, recursive: true);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException or KeyNotFoundException or FormatException)
        {
            log.WriteLine($"  FAILED: {exception.Message}");
            return new LoadTimeResult(fixture.Name, cold, cached, onnxOnly, loweredBytes, exception.Message);
        }
        if (cold.Any(m => m.FromCache) || cached.Any(m => !m.FromCache))
        {
            return new LoadTimeResult(fixture.Name, cold, cached, onnxOnly, loweredBytes, "the cache did not behave as expected (a cold load hit it, or a second load missed it)");
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cold {LoadTimeResult.Median(cold, m => m.LoadMs):0} ms, cached {LoadTimeResult.Median(cached, m => m.LoadMs):0} ms, lowered ONNX alone {LoadTimeResult.Median(onnxOnly, m => m.LoadMs):0} ms"));
        return new LoadTimeResult(fixture.Name, cold, cached, onnxOnly, loweredBytes, null);
    }

    private static LoadMeasurement Measure(IReadOnlyList<string> modelArgs)
    {
        var output = ChildProcess.Run([LoadOnceCommand.Name, .. modelArgs], ChildLimit);
        var fields = output.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return new LoadMeasurement(
            double.Parse(fields["load_ms"], CultureInfo.InvariantCulture),
            double.Parse(fields["first_run_ms"], CultureInfo.InvariantCulture),
            bool.Parse(fields["from_cache"]),
            double.Parse(fields["warm_load_ms"], CultureInfo.InvariantCulture));
    }
}
