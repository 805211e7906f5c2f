using Cortex.Queue.Cli.Commands;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Config;
using Microsoft.AspNetCore.Builder;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A deployment served in this test process (ingress, and workers unless told otherwise) on a free loopback port.</summary>
public sealed class RunningDeployment : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningDeployment(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>The host's services, for tests that talk to its bus or stores directly.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningDeployment> StartAsync(CortexConfig config, EmbeddedHostOptions? options = null, bool waitForWorkers = true)
    {
        var port = FreePort.Next();
        var effective = (options ?? new EmbeddedHostOptions()) with { Port = port, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning };
        var app = EmbeddedHost.Build(config, effective);
        await app.StartAsync();
        var baseUrl = $"http://127.0.0.1:{port}";
        if (waitForWorkers && !await ReadinessWaiter.WaitAsync(baseUrl, TimeSpan.FromSeconds(60), CancellationToken.None))
        {
            string readiness;
            try
            {
                using var probe = new HttpClient();
                readiness = await probe.GetStringAsync(baseUrl + "/readyz");
            }
            catch (HttpRequestException exception)
            {
                readiness = exception.Message;
            }
            await app.DisposeAsync();
            throw new TimeoutException($"the deployment did not become ready within 60 s: {readiness}");
        }
        return new RunningDeployment(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
