using System.Text.Json;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>How the ingress's monitoring JSON is read: snake_case names, numbers as JSON numbers.</summary>
public static class MonitoringJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static ApiListing ReadListing(string json) =>
        JsonSerializer.Deserialize<ApiListing>(json, Options) ?? throw new JsonException("GET /apis answered null");

    public static ApiMetrics ReadMetrics(string json) =>
        JsonSerializer.Deserialize<ApiMetrics>(json, Options) ?? throw new JsonException("the metrics route answered null");

    /// <summary>Reads <c>{"signature": {name: {"shape": [...], "type": "..."}}}</c>, keeping the inputs' order.</summary>
    public static IReadOnlyList<SignatureInput> ReadSignature(string json)
    {
        using var document = JsonDocument.Parse(json);
        var inputs = new List<SignatureInput>();
        foreach (var input in document.RootElement.GetProperty("signature").EnumerateObject())
        {
            var shape = input.Value.TryGetProperty("shape", out var dims) && dims.ValueKind == JsonValueKind.Array
                ? dims.EnumerateArray().Select(dim => dim.GetInt64()).ToArray()
                : [];
            var type = input.Value.TryGetProperty("type", out var dtype) ? dtype.GetString() ?? "?" : "?";
            inputs.Add(new SignatureInput(input.Name, type, shape));
        }
        return inputs;
    }
}
