using System.Globalization;
using System.Text.Json;
using Cortex.Queue.Config;

namespace Cortex.Queue.Worker.Tracking;

/// <summary>
/// Cortex's tracker rules: with <c>tracker.key</c> the response must be a JSON object and the value is
/// <c>response[key]</c>, otherwise the whole response is the value; classification takes a string or an integer,
/// regression a number.
/// </summary>
public static class TrackedValueReader
{
    public static TrackedValue Read(TrackerConfig tracker, string? responseJson)
    {
        if (string.IsNullOrEmpty(responseJson))
        {
            return TrackedValue.Unreadable("the response is empty", Expectation(tracker));
        }
        try
        {
            using var document = JsonDocument.Parse(responseJson);
            var value = document.RootElement;
            if (tracker.Key is { } key)
            {
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return TrackedValue.Unreadable($"the response is {Describe(value)}, not an object, so tracker.key '{key}' cannot be read", Expectation(tracker));
                }
                if (!value.TryGetProperty(key, out value))
                {
                    var keys = string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
                    return TrackedValue.Unreadable($"the response has no key '{key}' (its keys: {keys})", Expectation(tracker));
                }
            }
            return tracker.ModelType == TrackerModelType.Classification ? ReadClass(value, tracker) : ReadNumber(value, tracker);
        }
        catch (JsonException exception)
        {
            return TrackedValue.Unreadable($"the response is not JSON ({exception.Message})", Expectation(tracker));
        }
    }

    private static TrackedValue ReadClass(JsonElement value, TrackerConfig tracker)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return TrackedValue.OfClass(value.GetString()!);
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer))
        {
            return TrackedValue.OfClass(integer.ToString(CultureInfo.InvariantCulture));
        }
        return TrackedValue.Unreadable($"the value is {Describe(value)}", Expectation(tracker));
    }

    private static TrackedValue ReadNumber(JsonElement value, TrackerConfig tracker) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? TrackedValue.OfNumber(number)
            : TrackedValue.Unreadable($"the value is {Describe(value)}", Expectation(tracker));

    private static string Expectation(TrackerConfig tracker)
    {
        var what = tracker.ModelType == TrackerModelType.Classification ? "a string or an integer (classification)" : "a number (regression)";
        return tracker.Key is { } key ? $"a JSON object whose '{key}' is {what}" : $"a response that is {what}";
    }

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        var shown = text.Length > 60 ? text[..60] + "…" : text;
        return value.ValueKind switch
        {
            JsonValueKind.Array => $"an array {shown}",
            JsonValueKind.Object => $"an object {shown}",
            JsonValueKind.String => $"the string {shown}",
            JsonValueKind.Number => $"the number {shown}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {shown}",
            _ => "null",
        };
    }
}
