using Microsoft.ML.OnnxRuntime;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>
/// Opens one <see cref="InferenceSession"/>, on CUDA when a GPU is requested and the provider works, otherwise on CPU
/// with a warning: a worker that asked for a GPU it cannot use should still serve, and say so.
/// </summary>
internal static class OnnxSessionFactory
{
    public const string CpuProvider = "CPU";

    public const string CudaProvider = "CUDA";

    public static OpenedSession Open(Func<SessionOptions, InferenceSession> open, ModelLoadOptions options, string description)
    {
        var warnings = new List<string>();
        if (options.Gpu > 0)
        {
            var cudaOptions = NewOptions(options);
            try
            {
                cudaOptions.AppendExecutionProvider_CUDA(0);
                return new OpenedSession(open(cudaOptions), cudaOptions, CudaProvider, warnings);
            }
            catch (Exception ex)
            {
                cudaOptions.Dispose();
                warnings.Add(
                    $"compute.gpu is {options.Gpu} but ONNX Runtime's CUDA execution provider could not be used " +
                    $"({FirstLine(ex.Message)}); {description} runs on CPU");
            }
        }

        var cpuOptions = NewOptions(options);
        try
        {
            return new OpenedSession(open(cpuOptions), cpuOptions, CpuProvider, warnings);
        }
        catch (Exception ex)
        {
            cpuOptions.Dispose();
            throw new ModelLoadException($"could not load ONNX model {description}: {ex.Message}", ex);
        }
    }

    private static SessionOptions NewOptions(ModelLoadOptions options)
    {
        var sessionOptions = new SessionOptions();
        if (options.IntraOpThreads > 0)
        {
            sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
        }
        if (!options.AllowSpinning)
        {
            // Spinning threads keep cores busy between runs; a worker shares its cores with the queue client,
            // the HTTP server and other models, which then starve (measured: tens of ms of queue wait on 2 cores).
            sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        }
        return sessionOptions;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
