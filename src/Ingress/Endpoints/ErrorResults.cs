using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>Every error leaves the ingress as <c>{"error": "...", "request_id": "..."}</c>.</summary>
public static class ErrorResults
{
    public static IResult Error(int statusCode, string message, string requestId, TimeSpan? retryAfter = null) =>
        new JsonErrorResult(statusCode, message, requestId, retryAfter);

    private sealed class JsonErrorResult(int statusCode, string message, string requestId, TimeSpan? retryAfter) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "application/json";
            if (retryAfter is { } delay)
            {
                httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            // Relaxed escaping: messages quote names ('x'), which the default encoder would turn into \u0027.
            await using var writer = new Utf8JsonWriter(httpContext.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteString("request_id", requestId);
            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
