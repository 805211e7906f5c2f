namespace Cortex.Queue.Ingress;

/// <summary>Bound from the "Ingress" section (env <c>Ingress__MaxRequestBodyBytes</c>, ...).</summary>
public sealed class IngressOptions
{
    public const string SectionName = "Ingress";

    /// <summary>Path of the cortex.yaml (or its folder). Env <c>CORTEX_CONFIG</c> also sets it.</summary>
    public string Config { get; set; } = "cortex.yaml";

    /// <summary>Largest request body accepted; larger bodies get 413. Default 10 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>When true, <c>/readyz</c> also waits until every API has a live worker (what <c>cortex up</c> wants).</summary>
    public bool RequireWorkersForReadiness { get; set; }

    /// <summary>A worker that has not sent a heartbeat for this long is no longer counted as available.</summary>
    public TimeSpan WorkerLiveness { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Messages per API that may be out at once for each live worker; requests arriving while that many are out
    /// are coalesced into the next message. Default 2 (one being computed, one waiting).
    /// </summary>
    public int MessagesInFlightPerWorker { get; set; } = 2;

    /// <summary>Messages per API that may be out at once however few workers are known (also before any heartbeat). Default 2: with one worker, one message being computed and one waiting; fewer messages out means more requests per message (about 20 at 64 concurrent clients in the benchmark).</summary>
    public int MinMessagesInFlight { get; set; } = 2;

    /// <summary>
    /// Requests per API that may wait at this ingress for a message slot; past it a request is refused with 429 and
    /// <c>Retry-After</c> rather than held until its timeout. Default 2048.
    /// </summary>
    public int MaxPendingRequests { get; set; } = 2048;

    /// <summary>
    /// Largest total of sample bytes coalesced into one message; a group closes early when the next sample would
    /// pass it. Default 64 KiB: larger message bodies land on .NET's large-object heap at both ends, which only
    /// full collections reclaim (a profile of LeNet's ~170 KB groups showed those collections and the pool trimming
    /// after them among the largest costs).
    /// </summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Events of refused requests (see <c>RefusalEvents</c>) held while the broker is slow; beyond it they are dropped
    /// with a warning. Default 100000. (Under <c>cortex up</c> the workers' <c>Worker:TrackingBufferSize</c> applies: one publisher serves the process.)
    /// </summary>
    public int TrackingBufferSize { get; set; } = 100_000;

    /// <summary>How long events of refused requests gather before the ingress publishes them. Default 100 ms.</summary>
    public TimeSpan TrackingPublishInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether synchronous requests go on the queue as persistent messages (written to the broker's disk). Default
    /// true: a request then survives a broker restart shorter than its timeout and is still answered. False keeps them
    /// in the broker's memory only; a worker that dies still hands its requests back (that needs no disk), but a broker
    /// restart loses what was queued, whose callers then get 504. Measured (iris, c=64, one process, warm): false
    /// halved the broker's CPU per request (60 → 27 µs) and raised throughput ~29%. Asynchronous requests are always
    /// persistent.
    /// </summary>
    public bool DurableSyncRequests { get; set; } = true;

    /// <summary>
    /// Whether a synchronous sample the ingress has read against the signature goes to the worker as tensors (binary)
    /// instead of the caller's JSON. Default true: the worker then reads no JSON and the message is smaller (a 28×28
    /// float image: 3 KiB of tensor instead of its JSON text). Samples of APIs with a request handler, debug requests
    /// and samples with string inputs always go as JSON. The worker checks the tensors against its own signature, so
    /// during a model change whose inputs differ, a request read against the old signature gets 400 until the ingress
    /// has the new one (at the next worker heartbeat); set false to have every sample re-read from JSON by the worker.
    /// </summary>
    public bool SamplesAsTensors { get; set; } = true;

    /// <summary>SQLite file holding asynchronous results (embedded store).</summary>
    public string AsyncStorePath { get; set; } = ".cortex/cortex.db";

    /// <summary>How long finished asynchronous results are kept.</summary>
    public TimeSpan AsyncRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// PostgreSQL connection string (Npgsql keywords). Env <c>CORTEX_POSTGRES</c> also sets it. When set, metrics
    /// and async results are read from PostgreSQL instead of the SQLite file.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// Whether this process records async progress and outcomes itself. True in embedded mode; a distributed
    /// ingress on PostgreSQL leaves that (and the retention sweep) to the tracker.
    /// </summary>
    public bool RecordsAsyncResults { get; set; } = true;
}
