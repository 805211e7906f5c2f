using Cortex.Queue.Config;
using Cortex.Queue.Messaging.Tracking;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Worker.Consumers;
using Cortex.Queue.Worker.Hosting;
using Cortex.Queue.Worker.Tracking;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker;

/// <summary>Adds workers for the given APIs to a host whose bus is set up with <c>AddCortexBus</c>.</summary>
public static class WorkerRegistration
{
    /// <summary>Registers the worker's consumers on the bus (call inside the AddCortexBus callback).</summary>
    public static void AddCortexWorkerConsumers(this IBusRegistrationConfigurator bus)
    {
        // Every worker must answer, so each gets its own temporary queue bound to the exchange; the name is made
        // unique here because several hosts may share one process (tests, benchmarks).
        var instance = Guid.NewGuid().ToString("N")[..12];
        bus.AddConsumer<HeartbeatRequestedConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = $"cortex-heartbeat-requests-{instance}";
            endpoint.Temporary = true;
        });
    }

    public static IServiceCollection AddCortexWorkers(this IServiceCollection services, CortexConfig config, WorkerOptions options, ModelLoader loader)
    {
        var apis = options.Api is null
            ? config.Apis
            : config.Apis.Where(a => a.Name == options.Api).ToArray();
        if (apis.Count == 0)
        {
            throw new ArgumentException($"API '{options.Api}' is not in {config.FilePath}; its APIs are: {string.Join(", ", config.Apis.Select(a => a.Name))}");
        }
        services.AddSingleton(options);
        services.AddSingleton(loader);
        services.AddSingleton<ServedApiRegistry>();
        services.AddSingleton<HeartbeatPublisher>();
        services.AddPredictionEventPublisher(new PredictionEventPublisherOptions { BufferSize = options.TrackingBufferSize, PublishInterval = options.TrackingPublishInterval });
        foreach (var api in apis)
        {
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(provider => new ApiWorkerService(
                api,
                options,
                loader,
                provider.GetRequiredService<IReceiveEndpointConnector>(),
                provider.GetRequiredService<Cortex.Queue.Messaging.MessagingOptions>(),
                provider.GetRequiredService<IPublishEndpoint>(),
                provider.GetRequiredService<ServedApiRegistry>(),
                provider.GetRequiredService<HeartbeatPublisher>(),
                provider.GetRequiredService<ILoggerFactory>(),
                new PredictionTracking(api, config.DeploymentName, provider.GetRequiredService<PredictionEventPublisher>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger($"Cortex.Queue.Worker.{api.Name}"))));
        }
        return services;
    }
}
