using System.Diagnostics;
using System.Globalization;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.Execution;

namespace Cortex.Queue.Bench.Models;

/// <summary>
/// The child side of a load-time measurement: loads one model in this fresh process (so nothing is JIT-compiled or
/// cached in memory yet, as on a real start), times the load and the first run, prints the numbers and exits.
/// <c>load-once --tensorflow DIR --cache DIR</c> or <c>load-once --onnx FILE</c>.
/// </summary>
public static class LoadOnceCommand
{
    public const string Name = "load-once";

    public static int Run(IReadOnlyList<string> args)
    {
        var tensorflow = ValueOf(args, "--tensorflow");
        var cache = ValueOf(args, "--cache");
        var onnx = ValueOf(args, "--onnx");
        var options = new ModelLoadOptions();
        var load = Stopwatch.StartNew();
        IModel model;
        var fromCache = false;
        if (tensorflow is not null && cache is not null)
        {
            var loaded = TensorFlowModel.Load(tensorflow, options, new LoweredModelCache(cache));
            fromCache = loaded.LoadedFromCache;
            model = loaded;
        }
        else if (onnx is not null)
        {
            model = OnnxModel.Load(onnx, options);
        }
        else
        {
            Console.Error.WriteLine("usage: load-once --tensorflow DIR --cache DIR | --onnx FILE");
            return 2;
        }
        load.Stop();
        double firstRunMs;
        using (model)
        {
            // A lowered graph opened as plain ONNX has no input shapes for the warm-up to fill, so only the
            // SavedModel loads (which know their signature) time a first run.
            firstRunMs = onnx is null ? ModelWarmup.Run(model, 1).TotalMilliseconds : double.NaN;
        }

        // The same load again in this now warm process: the difference to the first is JIT compilation and
        // first-use costs, which a fresh worker process pays every time.
        var again = Stopwatch.StartNew();
        using (tensorflow is not null && cache is not null
            ? (IModel)TensorFlowModel.Load(tensorflow, options, new LoweredModelCache(cache))
            : OnnxModel.Load(onnx!, options))
        {
            again.Stop();
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load_ms={load.Elapsed.TotalMilliseconds:0.###} first_run_ms={firstRunMs:0.###} from_cache={fromCache} warm_load_ms={again.Elapsed.TotalMilliseconds:0.###}"));
        return 0;
    }

    private static string? ValueOf(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }
        return null;
    }
}
