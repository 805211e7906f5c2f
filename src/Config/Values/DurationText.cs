using System.Globalization;
using System.Text;

namespace Cortex.Queue.Config.Values;

/// <summary>
/// Durations as cortex.yaml writes them: Go-style sequences of number+unit (500us, 2ms, 1.5s, 1m30s, 2h)
/// or a bare number meaning seconds, which is what Cortex's own timeouts were.
/// </summary>
internal static class DurationText
{
    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("ns", 0.01m),
        ("us", TimeSpan.TicksPerMicrosecond),
        ("µs", TimeSpan.TicksPerMicrosecond),
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return (double)Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds && TryFromTicks(seconds * TimeSpan.TicksPerSecond, out duration);
        }

        var position = 0;
        var sign = 1m;
        if (position < trimmed.Length && trimmed[position] is '-' or '+')
        {
            sign = trimmed[position] == '-' ? -1m : 1m;
            position++;
        }

        if (position == trimmed.Length)
        {
            return false;
        }

        var ticks = 0m;
        while (position < trimmed.Length)
        {
            var numberStart = position;
            while (position < trimmed.Length && (char.IsAsciiDigit(trimmed[position]) || trimmed[position] == '.'))
            {
                position++;
            }

            if (!decimal.TryParse(trimmed.AsSpan(numberStart, position - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = position;
            while (position < trimmed.Length && !char.IsAsciiDigit(trimmed[position]) && trimmed[position] != '.')
            {
                position++;
            }

            var unit = trimmed[unitStart..position];
            var match = Units.FirstOrDefault(u => u.Unit == unit);
            if (match.Unit is null)
            {
                return false;
            }

            try
            {
                ticks += number * match.Ticks;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return TryFromTicks(sign * ticks, out duration);
    }

    /// <summary>The shortest readable form that parses back to the same value: 2ms, 500us, 1.5s, 1m30s.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Negate());
        }

        if (duration < TimeSpan.FromMilliseconds(1))
        {
            return Number(duration.Ticks / (decimal)TimeSpan.TicksPerMicrosecond) + "us";
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return Number(duration.Ticks / (decimal)TimeSpan.TicksPerMillisecond) + "ms";
        }

        var text = new StringBuilder();
        var hours = duration.Ticks / TimeSpan.TicksPerHour;
        var minutes = duration.Ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var seconds = duration.Ticks % TimeSpan.TicksPerMinute / (decimal)TimeSpan.TicksPerSecond;
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        if (seconds > 0)
        {
            text.Append(Number(seconds)).Append('s');
        }

        return text.ToString();
    }

    private static string Number(decimal value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    private static bool TryFromTicks(decimal ticks, out TimeSpan duration)
    {
        duration = default;
        var rounded = Math.Round(ticks, MidpointRounding.AwayFromZero);
        if (rounded > TimeSpan.MaxValue.Ticks || rounded < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)rounded);
        return true;
    }
}
