using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cortex.Queue.Cli.Commands;

/// <summary><c>cortex predict API SAMPLE.json</c>: sends a sample to a running deployment and pretty-prints the answer.</summary>
public static class PredictCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var api = new Argument<string>("api") { Description = "the API's name" };
        var sample = new Argument<string>("sample") { Description = "a JSON file holding one sample (or '-' for standard input)" };
        var debug = new Option<bool>("--debug") { Description = "also show the four stages (sample, pre_inference, inference, post_inference)" };
        var url = new Option<string>("--url") { Description = "the ingress", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CORTEX_URL") ?? "http://127.0.0.1:8888" };
        var command = new Command("predict", "Send a sample to an API and print the response");
        command.Arguments.Add(api);
        command.Arguments.Add(sample);
        command.Options.Add(debug);
        command.Options.Add(url);
        command.SetAction(async (parseResult, cancellationToken) =>
            await RunAsync(parseResult.GetValue(api)!, parseResult.GetValue(sample)!, parseResult.GetValue(debug), parseResult.GetValue(url)!.TrimEnd('/'), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(string apiName, string samplePath, bool debug, string baseUrl, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = samplePath == "-" ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(samplePath, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"cannot read {samplePath}: {exception.Message}");
            return 1;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        string endpoint;
        try
        {
            using var apis = JsonDocument.Parse(await http.GetStringAsync($"{baseUrl}/apis", cancellationToken).ConfigureAwait(false));
            var match = apis.RootElement.GetProperty("apis").EnumerateArray().FirstOrDefault(a => a.GetProperty("name").GetString() == apiName);
            if (match.ValueKind != JsonValueKind.Object)
            {
                var names = string.Join(", ", apis.RootElement.GetProperty("apis").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
                Console.Error.WriteLine($"no API '{apiName}' at {baseUrl}; its APIs are: {names}");
                return 1;
            }
            endpoint = match.GetProperty("endpoint").GetString()!;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"cannot reach {baseUrl} ({exception.Message}); is `cortex up` running? (--url sets another address)");
            return 1;
        }

        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync($"{baseUrl}{endpoint}{(debug ? "?debug=true" : "")}", content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var pretty = Pretty(text);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
            Console.Error.WriteLine(pretty);
            return 1;
        }
        Console.Out.WriteLine(pretty);
        return 0;
    }

    private static string Pretty(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
