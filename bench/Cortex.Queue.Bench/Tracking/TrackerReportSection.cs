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
        text.AppendLine(c, $"{result.Events:N0} prediction events are published into the tracker's queue (as workers publish them: up to {PredictionServedBatch.MaxEvents} binary-encoded");
        text.AppendLine("events per message) while no tracker runs; then a tracker starts (in this process) and its rate from the first stored row");
        text.AppendLine("to the last is measured (starting and connecting, about a second a tracker pays once, is left out; Seconds = all events");
        text.AppendLine("at that rate): RabbitMQ → MassTransit batch consumer → one binary COPY straight into `predictions` per batch (a batch");
        text.AppendLine("that hits the key, i.e. holds a redelivered event, goes again through a staging table and `INSERT … ON CONFLICT DO");
        text.AppendLine(c, $"NOTHING`; none does here), batches of up to {result.BatchSize} messages or {result.BatchTimeLimit.TotalMilliseconds:0} ms, {result.ConcurrentBatches} received at a time and written one at a time. Right after, the");
        text.AppendLine("baseline writes the same rows into the same table with one raw binary COPY and no queue: the fastest PostgreSQL takes");
        text.AppendLine("them. Before each path the table is emptied and vacuumed and a CHECKPOINT is forced, so both start from the same state.");
        text.AppendLine("Both COPYs use the same row encoder (`PredictionCopyRows`). The round with the median ratio is the result. Aim: at");
        text.AppendLine("least 0.8 of raw COPY.");
        text.AppendLine();
        text.AppendLine("| Path (median round) | Events | Seconds | Events/s | vs raw COPY |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(c, $"| RabbitMQ → tracker → PostgreSQL | {result.Events:N0} | {median.TrackerSeconds:0.00} | {result.RateOf(median.TrackerSeconds):N0} | {median.Ratio:0.00}x |");
        text.AppendLine(c, $"| Raw binary COPY (baseline) | {result.Events:N0} | {median.RawCopySeconds:0.00} | {result.RateOf(median.RawCopySeconds):N0} | 1.00x |");
        text.AppendLine();
        text.AppendLine("| Round | Tracker events/s | Raw COPY events/s | Ratio | Queue filled at (events/s) |");
        text.AppendLine("|--:|--:|--:|--:|--:|");
        for (var i = 0; i < result.Rounds.Count; i++)
        {
            var round = result.Rounds[i];
            text.AppendLine(c, $"| {i + 1} | {result.RateOf(round.TrackerSeconds):N0} | {result.RateOf(round.RawCopySeconds):N0} | {round.Ratio:0.00}x | {result.RateOf(round.PublishSeconds):N0} |");
        }
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
