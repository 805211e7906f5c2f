using System.Net;
using System.Text.Json;

namespace Cortex.Queue.Cli.Monitoring;

/// <summary>
/// Reads the ingress's monitoring routes (<c>/apis</c>, <c>/apis/{api}/metrics</c>, <c>{endpoint}/signature</c>); with a
/// <paramref name="cluster"/>, the worker replicas Kubernetes reports replace the ingress's heartbeat counts.
/// </summary>
public sealed class IngressClient(HttpClient http, string baseUrl, ClusterReplicaSource? cluster = null)
{
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public async Task<ApiListing> GetApisAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync("/apis", cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw new IngressUnreachableException(BaseUrl, $"GET /apis answered {(int)status}: {Shorten(body)}");
        }
        ApiListing listing;
        try
        {
            listing = MonitoringJson.ReadListing(body);
        }
        catch (JsonException exception)
        {
            throw new IngressUnreachableException(BaseUrl, $"GET /apis is not a Cortex.Queue API list: {exception.Message}", exception);
        }
        if (cluster is null || listing.Deployment is null)
        {
            return listing;
        }
        var replicas = await cluster.ReadAsync(listing.Deployment, listing.Apis.Select(api => api.Name).ToArray(), cancellationToken).ConfigureAwait(false);
        return listing with
        {
            Apis = listing.Apis
                .Select(api => replicas.TryGetValue(api.Name, out var counts) ? api with { RequestedReplicas = counts.Requested, Workers = counts.Available } : api)
                .ToArray(),
        };
    }

    /// <summary>The API's metrics over <paramref name="window"/>; null when the ingress keeps none for it (no tracker store, or an older ingress).</summary>
    public async Task<ApiMetrics?> GetMetricsAsync(string api, string window, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync($"/apis/{Uri.EscapeDataString(api)}/metrics?window={Uri.EscapeDataString(window)}", cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.BadRequest)
        {
            throw new ArgumentException($"the ingress refused window '{window}': {Shorten(body)}");
        }
        if (status != HttpStatusCode.OK)
        {
            return null;
        }
        try
        {
            return MonitoringJson.ReadMetrics(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The model's inputs; null while the ingress cannot tell (no worker has reported the signature yet).</summary>
    public async Task<IReadOnlyList<SignatureInput>?> GetSignatureAsync(string endpoint, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(endpoint.TrimEnd('/') + "/signature", cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            return null;
        }
        try
        {
            return MonitoringJson.ReadSignature(body);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Every API with its metrics; metrics are fetched side by side because a deployment may hold many APIs.</summary>
    public async Task<IReadOnlyList<ApiSnapshot>> GetSnapshotsAsync(string window, CancellationToken cancellationToken)
    {
        var listing = await GetApisAsync(cancellationToken).ConfigureAwait(false);
        var metrics = await Task.WhenAll(listing.Apis.Select(api => GetMetricsAsync(api.Name, window, cancellationToken))).ConfigureAwait(false);
        return listing.Apis.Select((api, index) => new ApiSnapshot(api, metrics[index])).ToArray();
    }

    public async Task<ApiDetail> GetDetailAsync(string api, string window, CancellationToken cancellationToken)
    {
        var listing = await GetApisAsync(cancellationToken).ConfigureAwait(false);
        var summary = listing.Apis.FirstOrDefault(candidate => candidate.Name == api)
            ?? throw new UnknownApiException(api, BaseUrl, listing.Apis.Select(candidate => candidate.Name).ToArray());
        var metrics = GetMetricsAsync(api, window, cancellationToken);
        var signature = GetSignatureAsync(summary.Endpoint, cancellationToken);
        return new ApiDetail(BaseUrl, new ApiSnapshot(summary, await metrics.ConfigureAwait(false)), await signature.ConfigureAwait(false));
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(BaseUrl + path, cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException exception)
        {
            throw new IngressUnreachableException(BaseUrl, exception.Message, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngressUnreachableException(BaseUrl, $"no answer within {http.Timeout.TotalSeconds:0} s", exception);
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
