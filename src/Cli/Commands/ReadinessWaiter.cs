namespace Cortex.Queue.Cli.Commands;

/// <summary>Polls <c>/readyz</c> until every API has a worker, so the banner is printed when requests will succeed.</summary>
public static class ReadinessWaiter
{
    public static async Task<bool> WaitAsync(string baseUrl, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync($"{baseUrl}/readyz", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
        return false;
    }
}
