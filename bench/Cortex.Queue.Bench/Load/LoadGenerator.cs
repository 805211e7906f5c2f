using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Cortex.Queue.Bench.Load;

/// <summary>
/// Closed-loop HTTP load: N virtual clients, each sending its next request as soon as the previous answer arrived,
/// until the window closes or the request cap is reached. Bodies are sent round-robin, each client starting at a
/// different one so concurrent requests carry different inputs.
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    public LoadGenerator(int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<LoadResult> RunAsync(Uri url, IReadOnlyList<byte[]> bodies, int concurrency, TimeSpan duration, int maxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var clients = new Task<ClientTally>[concurrency];
        for (var c = 0; c < concurrency; c++)
        {
            var first = c;
            clients[c] = Task.Run(async () =>
            {
                var tally = new ClientTally();
                var next = first;
                while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
                {
                    await SendOneAsync(url, bodies[next % bodies.Count], tally).ConfigureAwait(false);
                    next += concurrency;
                }
                return tally;
            });
        }
        var tallies = await Task.WhenAll(clients).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var latencies = new double[tallies.Sum(t => t.LatenciesMs.Count)];
        var offset = 0;
        foreach (var tally in tallies)
        {
            tally.LatenciesMs.CopyTo(latencies, offset);
            offset += tally.LatenciesMs.Count;
        }
        return new LoadResult(
            latencies.Length,
            tallies.Sum(t => t.Failed),
            tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null),
            elapsed,
            latencies);
    }

    /// <summary>Sends one body and returns the answer's status and text (for checks before a measurement).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(Uri url, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(url, content).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    private async Task SendOneAsync(Uri url, byte[] body, ClientTally tally)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await _http.PostAsync(url, content).ConfigureAwait(false);
            // Reading the whole answer is part of the request: a client cannot use half a prediction.
            var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                tally.LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            tally.Fail($"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            tally.Fail(exception.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}
