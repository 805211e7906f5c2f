using System.Text;
using System.Text.Json;

namespace Cortex.Queue.Bench.Data;

/// <summary>Request bodies prepared before a measurement, so the load generator only sends bytes.</summary>
public static class SampleBodies
{
    /// <summary>One JSON body per image: <c>{"input": [[[28 values] x 28]]}</c>, an instance of shape [1, 28, 28].</summary>
    public static IReadOnlyList<byte[]> MnistInstances(MnistTestSet images, string inputName, float scale)
    {
        var bodies = new byte[images.Images.Count][];
        for (var i = 0; i < bodies.Length; i++)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray(inputName);
                writer.WriteStartArray();
                for (var row = 0; row < MnistTestSet.Side; row++)
                {
                    writer.WriteStartArray();
                    for (var column = 0; column < MnistTestSet.Side; column++)
                    {
                        writer.WriteNumberValue(images.Images[i][(row * MnistTestSet.Side) + column] * scale);
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            bodies[i] = buffer.ToArray();
        }
        return bodies;
    }

    public static IReadOnlyList<byte[]> FromText(string json) => [Encoding.UTF8.GetBytes(json.Trim())];
}
