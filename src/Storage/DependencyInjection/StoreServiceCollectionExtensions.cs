using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cortex.Queue.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL stores (predictions and async results) on one <see cref="NpgsqlDataSource"/> for
    /// the whole process. <paramref name="expireAsyncResults"/> adds the retention sweep; one component per
    /// deployment runs it (the tracker in distributed mode).
    /// </summary>
    public static IServiceCollection AddPostgresStores(
        this IServiceCollection services,
        string connectionString,
        bool expireAsyncResults,
        Action<AsyncResultStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = services.AddOptions<AsyncResultStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton<IPredictionStore>(provider => new PostgresPredictionStore(provider.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IAsyncResultStore>(provider => new PostgresAsyncResultStore(provider.GetRequiredService<NpgsqlDataSource>()));
        if (expireAsyncResults)
        {
            services.AddHostedService<AsyncResultExpiryService>();
        }
        return services;
    }

    /// <summary>Registers the SQLite prediction store on the same file as the SQLite async results (<see cref="AsyncResultStoreOptions.DatabasePath"/>).</summary>
    public static IServiceCollection AddSqlitePredictionStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AsyncResultStoreOptions>();
        services.TryAddSingleton<IPredictionStore>(provider =>
            new SqlitePredictionStore(provider.GetRequiredService<IOptions<AsyncResultStoreOptions>>().Value.DatabasePath));
        return services;
    }
}
