using System.Text;

namespace Cortex.Queue.TensorFlow.HostSegments;

/// <summary>
/// Cortex carries DT_STRING tensors as .NET strings. Binary strings (serialized protos) are expected one byte per
/// char (ISO-8859-1, which is what decoding base64 into a string byte by byte gives); strings holding chars above
/// U+00FF can only be text and are encoded as UTF-8.
/// </summary>
public static class SerializedStrings
{
    public static byte[] ToBytes(string value)
    {
        foreach (var c in value)
        {
            if (c > '\u00FF')
            {
                return Encoding.UTF8.GetBytes(value);
            }
        }
        return Encoding.Latin1.GetBytes(value);
    }

    /// <summary>The inverse of <see cref="ToBytes"/> for binary data: one char per byte.</summary>
    public static string FromBytes(byte[] value) => Encoding.Latin1.GetString(value);
}
