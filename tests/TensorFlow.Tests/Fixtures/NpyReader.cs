using System.Text;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>Reads the little-endian float32 .npy files some fixtures ship as expected weights.</summary>
public static class NpyReader
{
    public static (long[] Shape, float[] Values) ReadFloat32(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var major = bytes[6];
        var headerLength = major == 1 ? BitConverter.ToUInt16(bytes, 8) : (int)BitConverter.ToUInt32(bytes, 8);
        var headerStart = major == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, headerStart, headerLength);
        if (!header.Contains("'<f4'", StringComparison.Ordinal) || header.Contains("'fortran_order': True", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"{path}: only C-order little-endian float32 arrays are read here ({header.Trim()})");
        }
        var shapeText = header[(header.IndexOf('(', StringComparison.Ordinal) + 1)..header.IndexOf(')', StringComparison.Ordinal)];
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();
        var data = bytes.AsSpan(headerStart + headerLength);
        return (shape, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(data).ToArray());
    }
}
