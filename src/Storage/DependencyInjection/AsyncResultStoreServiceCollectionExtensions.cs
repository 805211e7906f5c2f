using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cortex.Queue.Storage;

public static class AsyncResultStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite <see cref="IAsyncResultStore"/> (one instance per process, so its write gate covers
    /// every caller) and the <see cref="AsyncResultExpiryService"/> that keeps it within its retention.
    /// </summary>
    public static IServiceCollection AddAsyncResultStore(this IServiceCollection services, Action<AsyncResultStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AsyncResultStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAsyncResultStore>(provider =>
            new SqliteAsyncResultStore(provider.GetRequiredService<IOptions<AsyncResultStoreOptions>>().Value.DatabasePath));
        services.AddHostedService<AsyncResultExpiryService>();
        return services;
    }
}
