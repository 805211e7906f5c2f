using System.Buffers.Binary;
using System.Text;

namespace Cortex.Queue.Contracts;

/// <summary>
/// The body of a coalesced group of samples on <c>predict-{api}</c> over RabbitMQ (content type
/// <see cref="ContentType"/>): a version byte, the sample count (int32), then per sample its request id
/// (uint16 length + UTF-8), a flags byte (bit 0: debug; bit 1: the body holds the sample's tensors, already read
/// against the signature by the ingress) and the body: the sample's JSON exactly as the caller sent it, or its
/// tensors (int32 length + bytes). Little-endian. A binary frame rather than JSON: the worker reads each sample's bytes
/// where they lie and parses them once, straight into tensors, and neither end pays for an envelope or base64.
/// </summary>
public static class PredictGroupCodec
{
    public const string ContentType = "application/vnd.cortex.predict-group";

    private const byte Version = 1;
    private const byte DebugFlag = 1;
    private const byte TensorBodyFlag = 2;

    public static byte[] Encode(IReadOnlyList<CoalescedSample> samples)
    {
        var size = 1 + 4;
        foreach (var sample in samples)
        {
            size += 2 + Encoding.UTF8.GetByteCount(sample.RequestId) + 1 + 4 + sample.Body.Length;
        }
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], samples.Count);
        var at = 5;
        foreach (var sample in samples)
        {
            var idLength = Encoding.UTF8.GetBytes(sample.RequestId, span[(at + 2)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], checked((ushort)idLength));
            at += 2 + idLength;
            span[at++] = (byte)((sample.Debug ? DebugFlag : 0) | (sample.IsTensorBody ? TensorBodyFlag : 0));
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], sample.Body.Length);
            at += 4;
            sample.Body.CopyTo(span[at..]);
            at += sample.Body.Length;
        }
        return buffer;
    }

    /// <exception cref="FormatException">The body is not a group this version wrote; the message says where it breaks.</exception>
    public static CoalescedSample[] Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 5 || body[0] != Version)
        {
            throw new FormatException(body.Length == 0 ? "empty group body" : $"group body of version {body[0]}; this worker reads version {Version}");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(body[1..]);
        // Each sample takes at least 7 bytes, which bounds a forged count before anything is allocated for it.
        if (count < 0 || count > (body.Length - 5) / 7)
        {
            throw new FormatException($"group body claims {count} samples in {body.Length} bytes");
        }
        var samples = new CoalescedSample[count];
        var at = 5;
        for (var i = 0; i < count; i++)
        {
            var idLength = ReadLength(body, ref at, 2, i, "request id");
            var requestId = Encoding.UTF8.GetString(body.Slice(at, idLength));
            at += idLength;
            if (at >= body.Length)
            {
                throw new FormatException($"group body ends inside sample {i}'s flags");
            }
            var flags = body[at++];
            var length = ReadLength(body, ref at, 4, i, "body");
            samples[i] = new CoalescedSample(requestId, (flags & DebugFlag) != 0, body.Slice(at, length).ToArray(), (flags & TensorBodyFlag) != 0);
            at += length;
        }
        if (at != body.Length)
        {
            throw new FormatException($"group body has {body.Length - at} bytes after its {count} samples");
        }
        return samples;
    }

    private static int ReadLength(ReadOnlySpan<byte> body, ref int at, int width, int sample, string field)
    {
        if (at + width > body.Length)
        {
            throw new FormatException($"group body ends inside sample {sample}'s {field} length");
        }
        var length = width == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(body[at..]) : BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        at += width;
        if (length < 0 || length > body.Length - at)
        {
            throw new FormatException($"sample {sample}'s {field} claims {length} bytes; {body.Length - at} are left");
        }
        return length;
    }
}
