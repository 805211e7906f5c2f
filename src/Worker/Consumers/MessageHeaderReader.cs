using System.Globalization;
using System.Text;
using MassTransit;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>Reads Cortex headers whether MassTransit or a raw AMQP client set them (raw clients send strings as bytes).</summary>
public static class MessageHeaderReader
{
    public static string? GetString(ConsumeContext context, string name)
    {
        if (!context.Headers.TryGetHeader(name, out var value) || value is null)
        {
            return null;
        }
        return value switch
        {
            string text => text,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    public static bool GetFlag(ConsumeContext context, string name) =>
        GetString(context, name) is { } text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    public static DateTimeOffset? GetUnixMilliseconds(ConsumeContext context, string name) =>
        long.TryParse(GetString(context, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
