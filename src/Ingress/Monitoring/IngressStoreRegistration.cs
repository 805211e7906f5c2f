using Cortex.Queue.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cortex.Queue.Ingress.Monitoring;

/// <summary>Chooses where the ingress reads async results and metrics: PostgreSQL when configured, else the SQLite file.</summary>
public static class IngressStoreRegistration
{
    public static IServiceCollection AddCortexIngressStores(this IServiceCollection services, IngressOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Postgres))
        {
            return services.AddPostgresStores(options.Postgres, expireAsyncResults: options.RecordsAsyncResults, store => store.Retention = options.AsyncRetention);
        }
        services.AddAsyncResultStore(store =>
        {
            store.DatabasePath = Path.GetFullPath(options.AsyncStorePath);
            store.Retention = options.AsyncRetention;
        });
        return services.AddSqlitePredictionStore();
    }
}
