using System.Globalization;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>How figures read in <c>cortex get</c>: "-" for what is unknown, invariant numbers, short ages.</summary>
public static class MonitoringFormat
{
    public const string Unknown = "-";

    /// <summary>Cortex's status words: an API is live once a worker reports, else it waits for one.</summary>
    public static string Status(ApiSummary api) => api.Workers switch
    {
        null => "unknown",
        > 0 => "live",
        _ => "waiting for workers",
    };

    public static string Age(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is null)
        {
            return Unknown;
        }
        var age = now - time.Value;
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }
        return age.TotalSeconds < 60 ? $"{(int)age.TotalSeconds}s ago"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes}m ago"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h ago"
            : $"{(int)age.TotalDays}d ago";
    }

    public static string Milliseconds(double? value) => value is null ? Unknown : value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Unknown;

    /// <summary>A predicted value: up to four decimals, no exponent for everyday magnitudes.</summary>
    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Rate(double? perSecond) => perSecond is null ? Unknown : perSecond.Value.ToString("0.##", CultureInfo.InvariantCulture) + "/s";

    public static string Share(long count, long total) =>
        total == 0 ? Unknown : (100.0 * count / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Shape(IReadOnlyList<long> shape) =>
        "[" + string.Join(", ", shape.Select(dim => dim < 0 ? "?" : dim.ToString(CultureInfo.InvariantCulture))) + "]";
}
