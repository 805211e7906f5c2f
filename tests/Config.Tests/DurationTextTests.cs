using Cortex.Queue.Config.Values;

namespace Cortex.Queue.Config.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("2ms", 20_000L)]
    [InlineData("500us", 5_000L)]
    [InlineData("500µs", 5_000L)]
    [InlineData("1.5s", 15_000_000L)]
    [InlineData("30s", 300_000_000L)]
    [InlineData("2m", 1_200_000_000L)]
    [InlineData("1m30s", 900_000_000L)]
    [InlineData("1h", 36_000_000_000L)]
    [InlineData("45", 450_000_000L)]
    [InlineData("0.002", 20_000L)]
    [InlineData("-1s", -10_000_000L)]
    public void Durations_parse_with_units_or_as_bare_seconds(string text, long expectedTicks)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(expectedTicks, duration.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 minutes")]
    [InlineData("10d")]
    [InlineData("ms")]
    [InlineData("1.2.3s")]
    public void Text_that_is_not_a_duration_is_rejected(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2ms")]
    [InlineData("500us")]
    [InlineData("1.5s")]
    [InlineData("30s")]
    [InlineData("2m")]
    [InlineData("1m30s")]
    [InlineData("0s")]
    [InlineData("1.25ms")]
    public void Formatting_a_parsed_duration_gives_back_the_same_text(string text)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(text, DurationText.Format(duration));
    }
}
