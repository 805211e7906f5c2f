using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>Reads a JSON request body within the size limit, turning each failure into the status a client expects.</summary>
public static class RequestBody
{
    public sealed record Outcome(JsonDocument? Document, IResult? Error, int StatusCode = StatusCodes.Status200OK);

    public static async Task<Outcome> ReadJsonAsync(HttpRequest request, long maxBytes, string requestId)
    {
        if (request.ContentLength is { } length && length > maxBytes)
        {
            return new(null, TooLarge(maxBytes, requestId), StatusCodes.Status413PayloadTooLarge);
        }
        try
        {
            await using var body = new LimitedRequestBody(request.Body, maxBytes);
            var document = await JsonDocument.ParseAsync(body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return new(document, null);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, position {exception.BytePositionInLine + 1}" : "";
            return new(null, ErrorResults.Error(StatusCodes.Status400BadRequest, $"malformed JSON{where}: {FirstSentence(exception.Message)}", requestId), StatusCodes.Status400BadRequest);
        }
        catch (RequestBodyTooLargeException)
        {
            return new(null, TooLarge(maxBytes, requestId), StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Past Kestrel's own, higher limit (see LimitedRequestBody).
            return new(null, TooLarge(maxBytes, requestId), StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static IResult TooLarge(long maxBytes, string requestId) =>
        ErrorResults.Error(StatusCodes.Status413PayloadTooLarge, $"request body is larger than the limit of {maxBytes} bytes (Ingress:MaxRequestBodyBytes)", requestId);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
