using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Cortex.Queue.Contracts;

/// <summary>
/// The body of a worker's answer to a coalesced group (content type <see cref="ContentType"/>): a version byte,
/// the reply count (int32), then per sample, in the group's order: status code (int16), batch size (int32), queue
/// wait and inference milliseconds (float64), then the worker id, result JSON, error and debug trace, each as an
/// int32 length (−1 for none) + UTF-8. Little-endian.
/// </summary>
public static class PredictGroupReplyCodec
{
    public const string ContentType = "application/vnd.cortex.predict-group-reply";

    private const byte Version = 1;

    public static byte[] Encode(IReadOnlyList<PredictReply> replies)
    {
        var writer = new ArrayBufferWriter<byte>(64 + replies.Count * 96);
        var head = writer.GetSpan(5);
        head[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(head[1..], replies.Count);
        writer.Advance(5);
        foreach (var reply in replies)
        {
            var fixedPart = writer.GetSpan(2 + 4 + 8 + 8);
            BinaryPrimitives.WriteInt16LittleEndian(fixedPart, checked((short)reply.StatusCode));
            BinaryPrimitives.WriteInt32LittleEndian(fixedPart[2..], reply.BatchSize);
            BinaryPrimitives.WriteDoubleLittleEndian(fixedPart[6..], reply.QueueWaitMilliseconds);
            BinaryPrimitives.WriteDoubleLittleEndian(fixedPart[14..], reply.InferenceMilliseconds);
            writer.Advance(22);
            WriteString(writer, reply.WorkerId);
            WriteString(writer, reply.ResultJson);
            WriteString(writer, reply.Error);
            WriteString(writer, reply.DebugJson);
        }
        return writer.WrittenSpan.ToArray();
    }

    /// <exception cref="FormatException">The body is not a reply this version wrote.</exception>
    public static PredictReply[] Decode(ReadOnlySpan<byte> body)
    {
        if (body.Length < 5 || body[0] != Version)
        {
            throw new FormatException(body.Length == 0 ? "empty group reply" : $"group reply of version {body[0]}; this ingress reads version {Version}");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(body[1..]);
        if (count < 0 || count > (body.Length - 5) / 38)
        {
            throw new FormatException($"group reply claims {count} replies in {body.Length} bytes");
        }
        var replies = new PredictReply[count];
        var at = 5;
        for (var i = 0; i < count; i++)
        {
            if (at + 22 > body.Length)
            {
                throw new FormatException($"group reply ends inside reply {i}");
            }
            var status = BinaryPrimitives.ReadInt16LittleEndian(body[at..]);
            var batchSize = BinaryPrimitives.ReadInt32LittleEndian(body[(at + 2)..]);
            var queueWait = BinaryPrimitives.ReadDoubleLittleEndian(body[(at + 6)..]);
            var inference = BinaryPrimitives.ReadDoubleLittleEndian(body[(at + 14)..]);
            at += 22;
            var workerId = ReadString(body, ref at, i) ?? "";
            var result = ReadString(body, ref at, i);
            var error = ReadString(body, ref at, i);
            var debug = ReadString(body, ref at, i);
            replies[i] = new PredictReply(status, result, error, debug, batchSize, queueWait, inference, workerId);
        }
        return replies;
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(writer.GetSpan(4), -1);
            writer.Advance(4);
            return;
        }
        var span = writer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        writer.Advance(4 + length);
    }

    private static string? ReadString(ReadOnlySpan<byte> body, ref int at, int reply)
    {
        if (at + 4 > body.Length)
        {
            throw new FormatException($"group reply ends inside reply {reply}");
        }
        var length = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        at += 4;
        if (length == -1)
        {
            return null;
        }
        if (length < 0 || length > body.Length - at)
        {
            throw new FormatException($"reply {reply} has a text of {length} bytes; {body.Length - at} are left");
        }
        var text = Encoding.UTF8.GetString(body.Slice(at, length));
        at += length;
        return text;
    }
}
