namespace Cortex.Queue.Messaging;

/// <summary>Which transport the bus uses. Bound from the "Messaging" section; <c>CORTEX_RABBITMQ</c> fills <see cref="RabbitMq"/>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>amqp://user:password@host:port/vhost. Null or empty runs the embedded in-memory transport.</summary>
    public string? RabbitMq { get; set; }

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(RabbitMq);

    /// <summary>The URL with the password replaced, for logs and banners (secrets never reach logs).</summary>
    public string DescribeTransport()
    {
        if (!UsesRabbitMq)
        {
            return "embedded (in-memory)";
        }
        var uri = new Uri(RabbitMq!);
        var user = uri.UserInfo.Split(':')[0];
        return $"rabbitmq amqp://{(user.Length > 0 ? user + ":***@" : "")}{uri.Host}:{(uri.Port > 0 ? uri.Port : 5672)}{uri.AbsolutePath}";
    }
}
