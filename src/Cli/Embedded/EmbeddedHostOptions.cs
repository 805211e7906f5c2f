namespace Cortex.Queue.Cli.Embedded;

/// <summary>How <c>cortex up</c> runs: where it listens and which transport carries the requests.</summary>
public sealed record EmbeddedHostOptions
{
    public int Port { get; init; } = 8888;

    /// <summary>Null runs the in-memory transport; an amqp:// URL puts every request through RabbitMQ.</summary>
    public string? RabbitMq { get; init; }

    /// <summary>When false only the ingress runs (workers run elsewhere); used by tests and distributed set-ups.</summary>
    public bool RunWorkers { get; init; } = true;

    /// <summary>Only this API's worker runs (null: all of them).</summary>
    public string? WorkerApi { get; init; }

    /// <summary>SQLite file for asynchronous results; default <c>.cortex/cortex.db</c> beside the cortex.yaml.</summary>
    public string? AsyncStorePath { get; init; }

    /// <summary>PostgreSQL connection string for predictions and async results; null keeps them in the SQLite file.</summary>
    public string? Postgres { get; init; }

    public long MaxRequestBodyBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Requests per API that may wait at the ingress before new ones get 429 (see <c>Ingress:MaxPendingRequests</c>).</summary>
    public int MaxPendingRequests { get; init; } = 2048;

    /// <summary>Overrides <c>Ingress:DurableSyncRequests</c> (persistent synchronous request messages) when set.</summary>
    public bool? DurableSyncRequests { get; init; }

    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
