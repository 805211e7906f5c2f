using System.Text;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>What a client gets back when something is wrong: status, and an error body that says what and where.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private readonly string _api = TestDeployment.UniqueName("affine");
    private TestDeployment? _deployment;
    private RunningDeployment? _running;

    public async Task InitializeAsync()
    {
        if (TestEnvironment.RabbitMqUrl is null)
        {
            return;
        }
        _deployment = TestDeployment.SingleApi(_api, TestModels.WriteAffine);
        _running = await RunningDeployment.StartAsync(_deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, MaxRequestBodyBytes = 4096 });
    }

    public async Task DisposeAsync()
    {
        if (_running is not null)
        {
            await _running.DisposeAsync();
        }
        _deployment?.Dispose();
    }

    [RabbitMqFact]
    public async Task An_unknown_API_is_404_and_lists_the_APIs_that_exist()
    {
        var reply = await HttpJson.PostAsync(_running!.Http, "/test/nope", "{}");

        Assert.Equal(404, reply.Status);
        Assert.Contains(_api, reply.Error);
        Assert.NotNull(reply.Json!["request_id"]);
    }

    [RabbitMqFact]
    public async Task Malformed_JSON_is_400_and_says_where()
    {
        var reply = await HttpJson.PostAsync(_running!.Http, _deployment!.PathOf(_api), """{"x": [1, 2,""");

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("malformed JSON", reply.Error);
    }

    [RabbitMqFact]
    public async Task A_wrong_input_name_is_400_naming_the_inputs_the_signature_has()
    {
        var reply = await HttpJson.PostAsync(_running!.Http, _deployment!.PathOf(_api), """{"z": [1, 2, 3]}""");

        Assert.Equal(400, reply.Status);
        Assert.Contains("'z'", reply.Error);
        Assert.Contains("x", reply.Error);
    }

    [RabbitMqFact]
    public async Task A_value_of_the_wrong_dtype_is_400_naming_the_input_and_the_dtype_expected()
    {
        var reply = await HttpJson.PostAsync(_running!.Http, _deployment!.PathOf(_api), """{"x": [1, "two", 3]}""");

        Assert.Equal(400, reply.Status);
        Assert.Contains("'x'", reply.Error);
        Assert.Contains("float32", reply.Error);
    }

    [RabbitMqFact]
    public async Task A_value_of_the_wrong_shape_is_400_naming_the_input_and_the_shape_expected()
    {
        var reply = await HttpJson.PostAsync(_running!.Http, _deployment!.PathOf(_api), """{"x": [1, 2, 3, 4]}""");

        Assert.Equal(400, reply.Status);
        Assert.Contains("'x'", reply.Error);
        Assert.Contains("3", reply.Error);
    }

    [RabbitMqFact]
    public async Task A_body_over_the_limit_is_413()
    {
        var big = "{\"x\": [" + string.Join(",", Enumerable.Repeat("1.0", 3000)) + "]}";

        // Several times on one connection: the refused body is drained, so every 413 is read and the connection lives on.
        for (var i = 0; i < 5; i++)
        {
            var reply = await HttpJson.PostAsync(_running!.Http, _deployment!.PathOf(_api), big);

            Assert.Equal(413, reply.Status);
            Assert.Contains("4096", reply.Error);
        }
        Assert.Equal(200, (await HttpJson.PostAsync(_running!.Http, _deployment!.PathOf(_api), """{"x": [1, 2, 3]}""")).Status);
    }

    [RabbitMqFact]
    public async Task A_chunked_body_without_a_length_is_413_once_it_grows_past_the_limit()
    {
        var big = Encoding.UTF8.GetBytes("{\"x\": [" + string.Join(",", Enumerable.Repeat("1.0", 3000)) + "]}");
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _deployment!.PathOf(_api)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _running!.Http.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Contains("4096", await response.Content.ReadAsStringAsync());
    }

    [RabbitMqFact]
    public async Task Without_a_running_worker_a_request_is_504_after_the_APIs_timeout()
    {
        var api = TestDeployment.UniqueName("orphan");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine, "timeout: 2s");
        await using var ingressOnly = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, RunWorkers = false },
            waitForWorkers: false);
        var started = DateTime.UtcNow;

        var reply = await HttpJson.PostAsync(ingressOnly.Http, deployment.PathOf(api), """{"x": [1, 2, 3]}""");

        Assert.Equal(504, reply.Status);
        Assert.Contains("timeout", reply.Error);
        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 1.5, 15);
    }

    [RabbitMqFact]
    public async Task Past_the_ingress_backlog_limit_a_request_is_429_with_Retry_After_not_held_until_its_timeout()
    {
        var api = TestDeployment.UniqueName("backlog");
        // One sample per message and no worker: two messages go out and wait; the rest queue at the ingress.
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine, "timeout: 3s\nbatching:\n  max_batch_size: 1");
        await using var ingressOnly = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, RunWorkers = false, MaxPendingRequests = 3 },
            waitForWorkers: false);

        var requests = Enumerable.Range(0, 12).Select(async i =>
        {
            using var response = await ingressOnly.Http.PostAsync(deployment.PathOf(api), new StringContent($$"""{"x": [{{i}}, 2, 3]}""", System.Text.Encoding.UTF8, "application/json"));
            return (Status: (int)response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }).ToArray();
        var replies = await Task.WhenAll(requests);

        var refused = replies.Where(r => r.Status == 429).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal(TimeSpan.FromSeconds(1), r.RetryAfter));
        Assert.All(refused, r => Assert.Contains("Ingress:MaxPendingRequests", r.Body));
        // The others were held (at most 2 in flight + 3 waiting) and timed out: nobody answers this API.
        Assert.All(replies.Where(r => r.Status != 429), r => Assert.Equal(504, r.Status));
        Assert.InRange(replies.Count(r => r.Status == 504), 1, 5);
    }
}
