using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cortex.Queue.Storage.Tests;

public sealed class AsyncResultExpiryServiceTests : IDisposable
{
    private readonly TemporaryDatabaseFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_hosted_expiry_sweep_removes_results_past_retention_and_keeps_the_rest()
    {
        var ct = CancellationToken.None;
        var services = new ServiceCollection()
            .AddLogging()
            .AddAsyncResultStore(options =>
            {
                options.DatabasePath = _folder.DatabasePath;
                options.Retention = TimeSpan.FromHours(1);
                options.ExpiryInterval = TimeSpan.FromMilliseconds(50);
            });
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IAsyncResultStore>();
        var now = DateTimeOffset.UtcNow;
        await store.FinishedAsync("iris", "stale", succeeded: true, "1", null, now.AddHours(-2), ct);
        await store.StartedAsync("iris", ["slow"], now.AddHours(-2), ct);
        await store.FinishedAsync("iris", "fresh", succeeded: true, "2", null, now, ct);

        var sweeper = provider.GetServices<IHostedService>().OfType<AsyncResultExpiryService>().Single();
        await sweeper.StartAsync(ct);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await store.GetAsync("iris", "stale", ct) is not null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, ct);
            }
        }
        finally
        {
            await sweeper.StopAsync(ct);
        }

        Assert.Null(await store.GetAsync("iris", "stale", ct));
        Assert.Equal(AsyncStatus.InProgress, (await store.GetAsync("iris", "slow", ct))!.Status);
        Assert.Equal(AsyncStatus.Completed, (await store.GetAsync("iris", "fresh", ct))!.Status);
    }
}
