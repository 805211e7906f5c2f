using Cortex.Queue.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cortex.Queue.Messaging;

/// <summary>
/// One MassTransit bus per process, shared by every component the process hosts (ingress, workers, result store):
/// each contributes its consumers through <paramref name="configure"/>; the transport follows <see cref="MessagingOptions"/>.
/// </summary>
public static class CortexBusRegistration
{
    public static IServiceCollection AddCortexBus(
        this IServiceCollection services,
        MessagingOptions options,
        Action<IBusRegistrationConfigurator> configure)
    {
        services.AddSingleton(options);
        services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor by default; a model server must not call out.
            bus.DisableUsageTelemetry();
            configure(bus);
            if (options.UsesRabbitMq)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(options.RabbitMq!), host =>
                    {
                        // Replies must not be lost between the worker and RabbitMQ: wait for the broker's confirm.
                        host.PublisherConfirmation = true;
                    });
                    // Events get an exchange with a stable, readable name other tools can bind to.
                    rabbit.Message<PredictionServedBatch>(message => message.SetEntityName(QueueNames.PredictionServedExchange));
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) =>
                {
                    memory.Message<PredictionServedBatch>(message => message.SetEntityName(QueueNames.PredictionServedExchange));
                    memory.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }
}
