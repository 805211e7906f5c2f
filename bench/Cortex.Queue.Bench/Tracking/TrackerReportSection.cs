using System.Globalization;
using System.Text;
using Cortex.Queue.Contracts;

namespace Cortex.Queue.Bench.Tracking;

/// <summary>
/// The tracker's section of <c>docs/benchmarks.md</c>, between markers so <c>--only tracker</c> can replace just
/// this section and leave the serving and model tables of the last full run in place.
/// </summary>
public static class TrackerReportSection
{
    public const string Begin = "<!-- tracker-ingest:begin -->";
    public const string End = "<!-- tracker-ingest:end -->";

    public static string Write(TrackerIngestResult result, string command, DateTimeOffset started)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine("## Tracker ingest (issue 4)");
        text.AppendLine();
        if (result.SkipReason is not null)
        {
            text.AppendLine($"Skipped: {result.SkipReason}");
            text.AppendLine(End);
            return text.ToString();
        }
        var median = result.Median;
        text.AppendLine(c, $"Run {started.ToString("yyyy-MM-dd HH:mm zzz", c)} with `{command}`; PostgreSQL {result.PostgresVersion} ({result.PostgresSettings}). In each of {result.Rounds.Count} rounds,");
        text.AppendLine(c, $"{result.Events:N0} prediction events (request ids as the ingress makes them: version 7 UUIDs) are published into the tracker's queue");
        text.AppendLine(c, $"(as workers publish them: up to {PredictionServedBatch.MaxEvents} binary-encoded events per message, deflated, in MassTransit's JSON envelope)");
        text.AppendLine("while no tracker runs; then a tracker starts (in this process) and its");
        text.AppendLine("rate from the first stored row to the last is measured (starting and connecting, about a second a tracker pays once, is left");
        text.AppendLine("out; Seconds = all events at that rate). The tracker: RabbitMQ → its own consumer on RabbitMQ.Client (each message's events");
        text.AppendLine("inflated straight into a pooled buffer) → one binary COPY straight into `predictions` per batch, rows transcoded from the");
        text.AppendLine("message encoding without an object per event (a batch that hits the key, i.e. holds a redelivered event, goes again");
        text.AppendLine(c, $"through a staging table and `INSERT … ON CONFLICT DO NOTHING`; none does here), batches of up to {result.BatchSize} messages or");
        text.AppendLine(c, $"{result.BatchTimeLimit.TotalMilliseconds:0} ms, {result.ConcurrentBatches} batches' worth of messages prefetched, one written while the next fills. Right after, the baseline");
        text.AppendLine("writes the same rows into the same table with one raw binary COPY and no queue: the fastest PostgreSQL takes them.");
        text.AppendLine("Before each path the table is emptied and vacuumed and a CHECKPOINT is forced, so both start from the same state. Both");
        text.AppendLine("COPYs use the same row writer (`PredictionCopyRows`). Before the first round, one untimed pass of both paths warms the");
        text.AppendLine("process (JIT compilation): a tracker runs for days, and a fresh one drained at about two thirds of its later rate in");
        text.AppendLine("its first two seconds. The round with the median ratio is the result. Aim: at least 0.8 of raw COPY.");
        text.AppendLine();
        text.AppendLine("| Path (median round) | Events | Seconds | Events/s | vs raw COPY |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(c, $"| RabbitMQ → tracker → PostgreSQL | {result.Events:N0} | {median.TrackerSeconds:0.00} | {result.RateOf(median.TrackerSeconds):N0} | {median.Ratio:0.00}x |");
        text.AppendLine(c, $"| Raw binary COPY (baseline) | {result.Events:N0} | {median.RawCopySeconds:0.00} | {result.RateOf(median.RawCopySeconds):N0} | 1.00x |");
        text.AppendLine();
        text.AppendLine("| Round | Tracker events/s | Raw COPY events/s | Ratio | PostgreSQL CPU s: tracker drain / raw COPY | Queue filled at (events/s) |");
        text.AppendLine("|--:|--:|--:|--:|--:|--:|");
        for (var i = 0; i < result.Rounds.Count; i++)
        {
            var round = result.Rounds[i];
            var cpu = round.TrackerPostgresCpuSeconds is { } drain && round.RawPostgresCpuSeconds is { } raw ? $"{drain:0.00} / {raw:0.00}" : "–";
            text.AppendLine(c, $"| {i + 1} | {result.RateOf(round.TrackerSeconds):N0} | {result.RateOf(round.RawCopySeconds):N0} | {round.Ratio:0.00}x | {cpu} | {result.RateOf(round.PublishSeconds):N0} |");
        }
        text.AppendLine();
        text.AppendLine("PostgreSQL CPU = user + system time of all its processes on this machine (backends, WAL writer, checkpointer,");
        text.AppendLine("autovacuum) from `/proc`, from the tracker's start to its last stored row and over the raw COPY: how much of");
        text.AppendLine("a gap is the database spending more CPU on the same rows rather than waiting for the tracker. The raw COPY's own");
        text.AppendLine("rate and CPU vary by up to a third between rounds on this shared machine.");
        text.AppendLine();
        text.AppendLine(c, $"Filling the queue beforehand (publisher confirms, 4 messages of {PredictionServedBatch.MaxEvents} events in flight) is not part of either figure. In");
        text.AppendLine("service, workers publish the events as they answer, spread over all worker processes.");
        text.AppendLine(End);
        return text.ToString();
    }

    /// <summary>Replaces the section in <paramref name="document"/>, or appends it when the document has none yet.</summary>
    public static string Splice(string document, string section)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            var after = end + End.Length;
            if (after < document.Length && document[after] == '\n')
            {
                after++;
            }
            return document[..begin] + section + document[after..];
        }
        return document.TrimEnd() + "\n\n" + section;
    }
}
