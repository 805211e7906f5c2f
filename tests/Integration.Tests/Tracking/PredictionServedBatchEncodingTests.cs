using System.Text.Json;
using Cortex.Queue.Contracts;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Prediction events travel to the tracker in a compact encoding; what the tracker reads must be what the worker sent.</summary>
public sealed class PredictionServedBatchEncodingTests
{
    [Fact]
    public void Events_come_back_exactly_as_sent_with_and_without_tracked_values()
    {
        var at = new DateTimeOffset(2026, 11, 27, 17, 45, 12, 345, TimeSpan.Zero).AddTicks(6789);
        PredictionServed[] events =
        [
            new("classifier", "iris", "req-1", at, 200, 3.25, 0.5, 17, "worker-a", "iris-setosa", null),
            new("total", "iris", "req-2", at.AddSeconds(1), 200, 1.0 / 3, 0, 1, "worker-b", null, -12.75),
            new("classifier", "iris", "req-3 ünïcödé", at.AddSeconds(2), 406, 9.5, 2.5, 32, "worker-a", null, null),
        ];

        var json = JsonSerializer.Serialize(new PredictionServedBatch(events));
        var read = JsonSerializer.Deserialize<PredictionServedBatch>(json)!;

        Assert.Equal(events, read.Events);
        Assert.DoesNotContain("req-1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_short_payload_is_refused_with_a_reason_rather_than_read_as_fewer_events()
    {
        var whole = PredictionServedBatchJsonConverter.Encode([new("a", "d", "r", DateTimeOffset.UnixEpoch, 200, 1, 0, 1, "w", "c", null)]);
        var json = JsonSerializer.Serialize(new { events = whole[..^3] });

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PredictionServedBatch>(json));

        Assert.Contains("cut short or malformed", error.Message, StringComparison.Ordinal);
    }
}
