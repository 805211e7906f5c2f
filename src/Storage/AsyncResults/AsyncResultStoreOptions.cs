namespace Cortex.Queue.Storage;

/// <summary>Where async results live and how long finished ones are kept.</summary>
public sealed class AsyncResultStoreOptions
{
    public string DatabasePath { get; set; } = ".cortex/cortex.db";

    /// <summary>How long a completed or failed result stays readable after it finished.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the expiry service sweeps; a minute keeps the table small without busy work.</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
