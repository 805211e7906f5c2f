using System.Runtime.InteropServices;
using System.Text.Json;

namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>A sample as it goes on the queue (its JSON bytes or its tensors), or why it was refused before.</summary>
public sealed class QueuedSampleBody
{
    private QueuedSampleBody(byte[]? bytes, bool isTensors, string? problem)
    {
        Bytes = bytes ?? [];
        IsTensors = isTensors;
        Problem = problem;
    }

    public byte[] Bytes { get; }

    /// <summary>True when <see cref="Bytes"/> holds the sample's tensors (<c>SampleTensorCodec</c>) rather than its JSON.</summary>
    public bool IsTensors { get; }

    /// <summary>Why the sample does not fit the signature; null when it goes on the queue.</summary>
    public string? Problem { get; }

    /// <summary>The caller's JSON, copied: the request's document may go once this returns.</summary>
    public static QueuedSampleBody Json(JsonElement sample) => new(JsonMarshal.GetRawUtf8Value(sample).ToArray(), false, null);

    public static QueuedSampleBody Tensors(byte[] tensors) => new(tensors, true, null);

    public static QueuedSampleBody Refused(string problem) => new(null, false, problem);
}
