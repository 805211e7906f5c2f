using System.Buffers;
using System.Text.Json;
using Cortex.Queue.Contracts;
using Cortex.Queue.Tracker.Consumers;

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
        Assert.Contains("\"deflated_events\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_message_of_a_workers_events_takes_well_under_half_the_bytes_of_the_uncompressed_layout()
    {
        var events = WorkerEvents(PredictionServedBatch.MaxEvents);

        var deflated = JsonSerializer.SerializeToUtf8Bytes(new PredictionServedBatch(events));
        var uncompressed = JsonSerializer.SerializeToUtf8Bytes(new { events = PredictionServedBatchJsonConverter.Encode(events) });

        Assert.True(deflated.Length * 2 < uncompressed.Length, $"deflated {deflated.Length} bytes, uncompressed {uncompressed.Length}");
        Assert.Equal(events, JsonSerializer.Deserialize<PredictionServedBatch>(deflated)!.Events);
    }

    [Fact]
    public void The_tracker_reads_deflated_events_from_a_masstransit_envelope_and_uncompressed_ones_from_the_error_queue()
    {
        var events = WorkerEvents(300);
        var deflatedBody = JsonSerializer.SerializeToUtf8Bytes(new { messageType = new[] { "urn:message:Cortex.Queue.Contracts:PredictionServedBatch" }, message = new PredictionServedBatch(events) });
        var errorQueueBody = PredictionServedBatchJsonConverter.Wrap(PredictionServedBatchJsonConverter.Encode(events));

        foreach (var body in new[] { deflatedBody, errorQueueBody })
        {
            var (rented, read) = PredictionEventEnvelope.Decode(body);
            try
            {
                Assert.Equal(events, read.ToArray());
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    [Theory]
    [InlineData("not deflate data", "could not be inflated")]
    [InlineData("claims another length", "could not be inflated")]
    [InlineData("trailing bytes", "more than")]
    public void Damaged_deflated_events_are_refused_with_a_reason(string damage, string reason)
    {
        var deflated = PredictionEventCompression.Deflate(PredictionServedBatchJsonConverter.Encode(WorkerEvents(50)));
        byte[] damaged = damage switch
        {
            "not deflate data" => [.. deflated[..4], .. new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }],
            "claims another length" => [.. BitConverter.GetBytes(BitConverter.ToInt32(deflated) + 100), .. deflated[4..]],
            _ => [.. BitConverter.GetBytes(BitConverter.ToInt32(deflated) - 100), .. deflated[4..]],
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new { message = new Dictionary<string, byte[]> { ["deflated_events"] = damaged } });

        var tracker = Assert.Throws<FormatException>(() => PredictionEventEnvelope.Decode(body));
        var masstransit = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PredictionServedBatch>(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, byte[]> { ["deflated_events"] = damaged })));

        Assert.Contains(reason, tracker.Message, StringComparison.Ordinal);
        Assert.Contains(reason, masstransit.Message, StringComparison.Ordinal);
    }

    /// <summary>Events as one worker publishes them: one API, version 7 request ids, latencies and classes that vary.</summary>
    private static PredictionServed[] WorkerEvents(int count)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        string[] classes = ["iris-setosa", "iris-versicolor", "iris-virginica"];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var at = start.AddMilliseconds(i * 0.37);
            return new PredictionServed("classifier", "iris", Guid.CreateVersion7(at).ToString("N"), at, 200, 1 + random.NextDouble() * 4, random.NextDouble(), 1 + random.Next(32), "worker-7f3c9d2a", classes[random.Next(3)], null);
        })];
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
