namespace Cortex.Queue.Tracker;

/// <summary>Bound from the "Tracker" section (env <c>Tracker__BatchSize</c>, ...); <c>CORTEX_POSTGRES</c> fills <see cref="Postgres"/>.</summary>
public sealed class TrackerOptions
{
    public const string SectionName = "Tracker";

    /// <summary>PostgreSQL connection string (Npgsql keywords: Host, Port, Username, Password, Database).</summary>
    public string? Postgres { get; set; }

    /// <summary>The queue bound to <c>prediction-served</c>; tracker replicas sharing it split the events between them.</summary>
    public string QueueName { get; set; } = Contracts.QueueNames.PredictionServedTracker;

    /// <summary>Only events of this deployment are stored (what <c>cortex up</c> wants on a shared broker); null stores all.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// Deletes the queue when this process stops (<c>cortex up</c>: its queue lives and dies with it, instead of
    /// collecting every deployment's events on a shared broker after it is gone).
    /// </summary>
    public bool TemporaryQueue { get; set; }

    /// <summary>The queue of async progress and outcomes the tracker records (distributed mode on PostgreSQL).</summary>
    public string AsyncResultsQueueName { get; set; } = "cortex-async-results-tracker";

    /// <summary>
    /// Most event messages written in one COPY (each holds up to 1024 events, see <c>PredictionServedBatch</c>); larger
    /// batches write faster, smaller ones sooner. Default 16.
    /// </summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a batch waits to fill before it is written anyway.</summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Batches' worth of messages a tracker process holds at a time (prefetch = <see cref="BatchSize"/> × this, at least
    /// 2 on RabbitMQ): one batch is written while the next fills and waits its turn; writes go one at a time (two COPYs
    /// at once into the same table contend for its newest index pages). Default 2.
    /// </summary>
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>How long finished asynchronous results stay readable (the tracker runs the expiry sweep).</summary>
    public TimeSpan AsyncRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired asynchronous results are swept.</summary>
    public TimeSpan AsyncExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
