using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Cortex.Queue.Messaging.Tracking;

public static class PredictionEventPublisherRegistration
{
    /// <summary>
    /// Registers the process's one <see cref="PredictionEventPublisher"/> and runs it as a hosted service. Safe to call
    /// from both the ingress and the workers of one process (<c>cortex up</c>): the first call's options win, and the
    /// publisher runs once.
    /// </summary>
    public static IServiceCollection AddPredictionEventPublisher(this IServiceCollection services, PredictionEventPublisherOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton<PredictionEventPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PredictionEventPublisher>(provider => provider.GetRequiredService<PredictionEventPublisher>()));
        return services;
    }
}
