using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>Posting JSON text and reading JSON back, keeping the status code for assertions.</summary>
public static class HttpJson
{
    public sealed record Reply(int Status, string Body)
    {
        public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

        public string Error => Json?["error"]?.GetValue<string>() ?? "";
    }

    public static async Task<Reply> PostAsync(HttpClient http, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<Reply> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static float[] Floats(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
}
