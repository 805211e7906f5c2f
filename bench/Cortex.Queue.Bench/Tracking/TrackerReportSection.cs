using System.Globalization;
using System.Text;

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
        text.AppendLine(c, $"Run {started.ToString("yyyy-MM-dd HH:mm zzz", c)} with `{command}`; PostgreSQL {result.PostgresVersion}. {result.Events:N0} prediction");
        text.AppendLine("events are published into the tracker's queue (as workers publish them: up to 256 binary-encoded events per message) while no");
        text.AppendLine("tracker runs; then a tracker starts (in this process) and its rate from the first stored row to the last is measured");
        text.AppendLine("(starting and connecting, about a second a tracker pays once, is left out; Seconds = all events at that rate):");
        text.AppendLine("RabbitMQ → MassTransit batch consumer → one binary COPY straight into `predictions` per batch (a batch that hits");
        text.AppendLine("the key, i.e. holds a redelivered event, goes again through a staging table and `INSERT … ON CONFLICT DO NOTHING`;");
        text.AppendLine(c, $"none does here), batches of up to {result.BatchSize} messages or");
        text.AppendLine(c, $"{result.BatchTimeLimit.TotalMilliseconds:0} ms, {result.ConcurrentBatches} at a time. The baseline writes the same rows into the same table (emptied");
        text.AppendLine("again) with one raw binary COPY and no queue: the fastest PostgreSQL takes them. Aim: at least 0.8 of raw COPY.");
        text.AppendLine();
        text.AppendLine("| Path | Events | Seconds | Events/s | vs raw COPY |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(c, $"| RabbitMQ → tracker → PostgreSQL | {result.Events:N0} | {result.TrackerSeconds:0.00} | {result.TrackerRate:N0} | {result.TrackerRate / result.RawCopyRate:0.00}x |");
        text.AppendLine(c, $"| Raw binary COPY (baseline) | {result.Events:N0} | {result.RawCopySeconds:0.00} | {result.RawCopyRate:N0} | 1.00x |");
        text.AppendLine();
        text.AppendLine(c, $"Filling the queue beforehand (publisher confirms, 4 messages of 256 events in flight) ran at {result.PublishRate:N0} events/s; it is not part of");
        text.AppendLine("either figure. In service, workers publish the events as they answer, spread over all worker processes.");
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
