using System.Collections;
using System.Text;
using System.Text.Unicode;

namespace Cortex.Queue.Contracts;

/// <summary>
/// The events of one or more received <see cref="PredictionServedBatch"/> messages, kept in their binary encoding.
/// A store that can take the encoding as it is (PostgreSQL's binary COPY) walks <see cref="Payloads"/> with a
/// <see cref="PredictionEventCursor"/>; anything else reads the list and gets <see cref="PredictionServed"/> objects,
/// decoded once on first use. In a profile of a tracker drain through MassTransit, decoding the events into objects
/// (five strings each) held ~12% of the tracker's CPU samples, and threads waiting on garbage collection ~23%.
/// </summary>
public sealed class EncodedPredictionEvents : IReadOnlyList<PredictionServed>
{
    private readonly ReadOnlyMemory<byte>[] _payloads;
    private readonly byte[]? _deployment;
    private PredictionServed[]? _decoded;

    private EncodedPredictionEvents(ReadOnlyMemory<byte>[] payloads, byte[]? deployment, int count)
    {
        _payloads = payloads;
        _deployment = deployment;
        Count = count;
    }

    /// <summary>The encoded messages, each starting with its own event count.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Payloads => _payloads;

    /// <summary>Events in the list: those of every payload, or only those of the deployment it was joined for.</summary>
    public int Count { get; }

    /// <summary>Wraps one message's payload after checking all of it: every event complete, every text valid UTF-8.</summary>
    /// <exception cref="FormatException">The payload is cut short or malformed.</exception>
    public static EncodedPredictionEvents Read(ReadOnlyMemory<byte> payload)
    {
        var cursor = new PredictionEventCursor(payload);
        while (cursor.TryRead(out var e))
        {
            if (!Utf8.IsValid(e.Api) || !Utf8.IsValid(e.Deployment) || !Utf8.IsValid(e.RequestId) || !Utf8.IsValid(e.WorkerId) || !Utf8.IsValid(e.TrackedClass))
            {
                throw new FormatException("a prediction-served payload holds text that is not valid UTF-8");
            }
        }
        return new EncodedPredictionEvents([payload], null, cursor.Count);
    }

    /// <summary>The events of several messages as one list; with <paramref name="deployment"/>, only that deployment's.</summary>
    public static EncodedPredictionEvents Join(IEnumerable<EncodedPredictionEvents> parts, string? deployment)
    {
        var payloads = parts.SelectMany(part => part._payloads).ToArray();
        var filter = deployment is null ? null : Encoding.UTF8.GetBytes(deployment);
        var count = 0;
        foreach (var payload in payloads)
        {
            var cursor = new PredictionEventCursor(payload);
            if (filter is null)
            {
                count += cursor.Count;
                continue;
            }
            while (cursor.TryRead(out var e))
            {
                if (e.Deployment.SequenceEqual(filter))
                {
                    count++;
                }
            }
        }
        return new EncodedPredictionEvents(payloads, filter, count);
    }

    /// <summary>Whether an event read from <see cref="Payloads"/> belongs to this list (the deployment filter of <see cref="Join"/>).</summary>
    public bool Includes(in PredictionEventFields e) => _deployment is null || e.Deployment.SequenceEqual(_deployment);

    public PredictionServed this[int index] => Decoded()[index];

    public IEnumerator<PredictionServed> GetEnumerator() => ((IEnumerable<PredictionServed>)Decoded()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private PredictionServed[] Decoded()
    {
        if (_decoded is { } decoded)
        {
            return decoded;
        }
        var events = new PredictionServed[Count];
        var index = 0;
        foreach (var payload in _payloads)
        {
            var cursor = new PredictionEventCursor(payload);
            while (cursor.TryRead(out var e))
            {
                if (Includes(e))
                {
                    events[index++] = ToEvent(e);
                }
            }
        }
        return _decoded = events;
    }

    private static PredictionServed ToEvent(in PredictionEventFields e) => new(
        Encoding.UTF8.GetString(e.Api),
        Encoding.UTF8.GetString(e.Deployment),
        Encoding.UTF8.GetString(e.RequestId),
        new DateTimeOffset(e.AtUtcTicks, TimeSpan.Zero),
        e.StatusCode,
        e.LatencyMilliseconds,
        e.QueueWaitMilliseconds,
        e.BatchSize,
        Encoding.UTF8.GetString(e.WorkerId),
        e.HasTrackedClass ? Encoding.UTF8.GetString(e.TrackedClass) : null,
        e.HasTrackedValue ? e.TrackedValue : null);
}
