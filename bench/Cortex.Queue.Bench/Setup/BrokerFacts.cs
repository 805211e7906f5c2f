using System.Text;
using RabbitMQ.Client;

namespace Cortex.Queue.Bench.Setup;

/// <summary>The broker's product and version as it announces them when a client connects.</summary>
public static class BrokerFacts
{
    public static async Task<string> DescribeAsync(string url)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(url), ClientProvidedName = "cortex-bench-probe" };
            await using var connection = await factory.CreateConnectionAsync().ConfigureAwait(false);
            var properties = connection.ServerProperties ?? new Dictionary<string, object?>();
            return $"{Text(properties, "product")} {Text(properties, "version")}".Trim();
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException)
        {
            return $"unreachable ({exception.Message})";
        }
    }

    private static string Text(IDictionary<string, object?> properties, string key) =>
        properties.TryGetValue(key, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => "",
            _ => value.ToString() ?? "",
        } : "";
}
