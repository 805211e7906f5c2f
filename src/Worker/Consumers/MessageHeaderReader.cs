using System.Globalization;
using System.Text;
using MassTransit;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>Reads Cortex headers whether MassTransit, the ingress or a raw AMQP client set them (raw clients send strings as bytes).</summary>
public static class MessageHeaderReader
{
    public static string? GetString(ConsumeContext context, string name) =>
        context.Headers.TryGetHeader(name, out var value) ? Text(value) : null;

    public static bool GetFlag(ConsumeContext context, string name) => IsTrue(GetString(context, name));

    public static DateTimeOffset? GetUnixMilliseconds(ConsumeContext context, string name) => FromUnixMilliseconds(GetString(context, name));

    /// <summary>A header value as text: AMQP carries strings as bytes, numbers as numbers.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static bool IsTrue(string? text) => text is not null && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    public static DateTimeOffset? FromUnixMilliseconds(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
