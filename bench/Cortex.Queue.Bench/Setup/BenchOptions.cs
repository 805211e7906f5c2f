using System.Globalization;

namespace Cortex.Queue.Bench.Setup;

/// <summary>What one benchmark run measures and for how long. Every phase is bounded by these durations.</summary>
public sealed record BenchOptions
{
    /// <summary>Measured seconds per path and concurrency level (split into interleaved segments).</summary>
    public double Seconds { get; init; } = 8;

    /// <summary>Unmeasured seconds per path before each concurrency level.</summary>
    public double WarmupSeconds { get; init; } = 2;

    /// <summary>
    /// Unmeasured seconds per path, at the highest concurrency, once per server before any level is measured. The
    /// queue path runs far more code than the direct route (MassTransit, RabbitMQ.Client, the tracker), and the JIT's
    /// tiering takes 15-20 s of load on two cores to compile all of it fully: measured right after start, the first
    /// 8 s ran at 3,300 req/s and 16-24 s at 7,600 req/s on the same server. Steady state is what a server runs in.
    /// </summary>
    public double JitWarmupSeconds { get; init; } = 20;

    /// <summary>Measured seconds per model and batch size when calling <c>IModel.Run</c> directly.</summary>
    public double InferenceSeconds { get; init; } = 2;

    /// <summary>How many fresh processes measure each load time (the median is reported).</summary>
    public int LoadRepeats { get; init; } = 3;

    public IReadOnlyList<int> Concurrencies { get; init; } = [1, 64];

    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 32, 256];

    public bool Quick { get; init; }

    /// <summary>"serving", "models", "handlers" or "tracker" runs only that part (for iterating on one); null runs all.</summary>
    public string? Only { get; init; }

    public bool RunsServing => Only is null or "serving";

    public bool RunsModels => Only is null or "models";

    public bool RunsHandlers => Only is null or "handlers";

    public bool RunsTracker => Only is null or "tracker";

    /// <summary>Prediction events pushed through the tracker (and by raw COPY) in the tracker ingest benchmark.</summary>
    public int TrackerEvents { get; init; } = 1_500_000;

    /// <summary>Rounds of the tracker ingest benchmark (each: fill, drain through the tracker, raw COPY); the median is reported.</summary>
    public int TrackerRounds { get; init; } = 5;

    /// <summary>PostgreSQL connection string for the tracker benchmark; null skips it.</summary>
    public string? Postgres { get; init; }

    /// <summary>Only the serving scenario of this short name ("iris", "lenet"); null runs every one.</summary>
    public string? Scenario { get; init; }

    /// <summary>Only this transport ("embedded", "rabbitmq", "rabbitmq-transient", "worker-process"); null runs every one available.</summary>
    public string? Transport { get; init; }

    /// <summary>amqp:// URL of the broker for the RabbitMQ scenarios; null skips them.</summary>
    public string? RabbitMq { get; init; }

    /// <summary>Where the Markdown report goes; null: docs/benchmarks.md of the repository.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The command line to print in the report (the script passes its own).</summary>
    public string? CommandText { get; init; }

    /// <summary>Hard cap on requests per measured segment, so even a very fast path ends.</summary>
    public int MaxRequestsPerSegment { get; init; } = 2_000_000;

    public static string Usage => """
        usage: Cortex.Queue.Bench [--seconds N] [--warmup N] [--inference-seconds N] [--load-repeats N]
                                  [--quick] [--only serving|models|handlers|tracker] [--scenario iris|lenet]
                                  [--transport embedded|rabbitmq|rabbitmq-transient|worker-process] [--concurrency 1,64]
                                  [--rabbitmq amqp://...] [--postgres CONN] [--tracker-events N] [--tracker-rounds N]
                                  [--output FILE] [--command TEXT]
          --seconds N            measured seconds per path and concurrency (default 8)
          --warmup N             warm-up seconds per path and concurrency (default 2)
          --jit-warmup N         warm-up seconds per path once per server, at the highest concurrency (default 20)
          --inference-seconds N  measured seconds per model and batch size for IModel.Run (default 2)
          --load-repeats N       fresh processes per model load time measurement (default 3)
          --quick                a smoke run of about a minute (short windows, one load repeat)
          --only PART            run only the serving part, the model part, the request handler overhead or
                                 the tracker ingest (tracker: replaces only its own section of the report)
          --scenario NAME        run only this serving scenario (iris or lenet)
          --transport NAME       run only this transport (embedded, rabbitmq, rabbitmq-transient or worker-process)
          --concurrency LIST     comma-separated client counts (default 1,64)
          --rabbitmq URL         broker for the RabbitMQ scenarios (default: $CORTEX_TEST_RABBITMQ, then $CORTEX_RABBITMQ)
          --postgres CONN        PostgreSQL for the tracker benchmark (default: $CORTEX_TEST_POSTGRES, then $CORTEX_POSTGRES)
          --tracker-events N     events through the tracker and by raw COPY per round (default 1500000; --quick 20000)
          --tracker-rounds N     rounds of the tracker benchmark; the median round is reported (default 5; --quick 1)
          --output FILE          report path (default: docs/benchmarks.md in the repository)
          --command TEXT         the command to quote in the report
        """;

    /// <summary>Reads the command line; returns null (after writing why to <paramref name="error"/>) when it is not understood.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = new BenchOptions
        {
            RabbitMq = FirstNonEmpty(Environment.GetEnvironmentVariable("CORTEX_TEST_RABBITMQ"), Environment.GetEnvironmentVariable("CORTEX_RABBITMQ")),
            Postgres = FirstNonEmpty(Environment.GetEnvironmentVariable("CORTEX_TEST_POSTGRES"), Environment.GetEnvironmentVariable("CORTEX_POSTGRES")),
        };
        var quick = args.Contains("--quick");
        if (quick)
        {
            options = options with { Quick = true, Seconds = 1, WarmupSeconds = 0.3, JitWarmupSeconds = 1, InferenceSeconds = 0.3, LoadRepeats = 1, TrackerEvents = 20_000, TrackerRounds = 1 };
        }
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quick")
            {
                continue;
            }
            if (name is "-h" or "--help")
            {
                error.WriteLine(Usage);
                return null;
            }
            if (i + 1 >= args.Count)
            {
                error.WriteLine($"{name}: expected a value after it, or an unknown flag\n{Usage}");
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--seconds" when TryPositive(value, out var seconds):
                    options = options with { Seconds = seconds };
                    break;
                case "--jit-warmup" when TryPositive(value, out var jitWarmup):
                    options = options with { JitWarmupSeconds = jitWarmup };
                    break;
                case "--warmup" when TryPositive(value, out var warmup):
                    options = options with { WarmupSeconds = warmup };
                    break;
                case "--inference-seconds" when TryPositive(value, out var inference):
                    options = options with { InferenceSeconds = inference };
                    break;
                case "--load-repeats" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var repeats) && repeats is > 0 and <= 20:
                    options = options with { LoadRepeats = repeats };
                    break;
                case "--only" when value is "serving" or "models" or "handlers" or "tracker":
                    options = options with { Only = value };
                    break;
                case "--scenario" when value is "iris" or "lenet":
                    options = options with { Scenario = value };
                    break;
                case "--transport" when value is "embedded" or "rabbitmq" or "rabbitmq-transient" or "worker-process":
                    options = options with { Transport = value };
                    break;
                case "--concurrency" when TryCounts(value, out var counts):
                    options = options with { Concurrencies = counts };
                    break;
                case "--rabbitmq":
                    options = options with { RabbitMq = FirstNonEmpty(value) };
                    break;
                case "--postgres":
                    options = options with { Postgres = FirstNonEmpty(value) };
                    break;
                case "--tracker-events" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var events) && events is > 0 and <= 10_000_000:
                    options = options with { TrackerEvents = events };
                    break;
                case "--tracker-rounds" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var trackerRounds) && trackerRounds is > 0 and <= 50:
                    options = options with { TrackerRounds = trackerRounds };
                    break;
                case "--output":
                    options = options with { OutputPath = value };
                    break;
                case "--command":
                    options = options with { CommandText = value };
                    break;
                default:
                    error.WriteLine($"{name} {value}: not understood (durations are positive numbers of seconds up to 600)\n{Usage}");
                    return null;
            }
        }
        return options;
    }

    private static bool TryCounts(string text, out IReadOnlyList<int> counts)
    {
        var parsed = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1024)
            {
                counts = [];
                return false;
            }
            parsed.Add(count);
        }
        counts = parsed;
        return parsed.Count > 0;
    }

    private static bool TryPositive(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && value <= 600;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
