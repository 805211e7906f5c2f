using Cortex.Queue.Config;
using Cortex.Queue.Ingress.AsyncResults;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Dashboard;
using Cortex.Queue.Ingress.Dispatch;
using Cortex.Queue.Ingress.Endpoints;
using Cortex.Queue.Ingress.Metrics;
using Cortex.Queue.Ingress.Monitoring;
using Cortex.Queue.Ingress.Queueing;
using Cortex.Queue.Ingress.Warmup;
using Cortex.Queue.Messaging;
using Cortex.Queue.Messaging.Tracking;
using Cortex.Queue.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Cortex.Queue.Ingress;

/// <summary>Wires the ingress into a web application: services, bus consumers and routes.</summary>
public static class IngressRegistration
{
    /// <summary>Registers the ingress's consumers on the bus (call inside the AddCortexBus callback).</summary>
    public static void AddCortexIngressConsumers(this IBusRegistrationConfigurator bus, string deploymentName, bool recordsAsyncResults = true)
    {
        // Ingress replicas of one deployment share the results queue (each result is stored once);
        // other deployments on the same broker get their own copy.
        // Every ingress replica must see every heartbeat: a temporary queue each.
        // The name is made unique here because several hosts may share one process (tests, benchmarks).
        var instance = Guid.NewGuid().ToString("N")[..12];
        bus.AddConsumer<WorkerHeartbeatConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = $"cortex-heartbeats-{instance}";
            endpoint.Temporary = true;
        });
        bus.AddConsumer<IngressPingConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = $"cortex-ingress-ping-{instance}";
            endpoint.Temporary = true;
        });
        if (recordsAsyncResults)
        {
            bus.AddConsumer<AsyncResultConsumer>().Endpoint(endpoint => endpoint.Name = $"cortex-async-results-{deploymentName}");
        }
    }

    public static WebApplicationBuilder AddCortexIngress(this WebApplicationBuilder builder, CortexConfig config, IngressOptions options)
    {
        // Kestrel's limit sits above the ingress's own (enforced by LimitedRequestBody), so a moderately oversized body is
        // drained and its 413 read by the client instead of a connection reset.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = LimitedRequestBody.KestrelLimitFor(options.MaxRequestBodyBytes));
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new ApiCatalog(config));
        services.AddSingleton<CortexMetrics>();
        // On RabbitMQ the request path speaks AMQP itself; embedded, it rides the in-memory bus (MessagingOptions comes from AddCortexBus).
        services.AddSingleton<RabbitMqPredictQueue>();
        services.AddSingleton<MassTransitPredictQueue>();
        services.AddSingleton<IPredictQueue>(provider => provider.GetRequiredService<MessagingOptions>().UsesRabbitMq
            ? provider.GetRequiredService<RabbitMqPredictQueue>()
            : provider.GetRequiredService<MassTransitPredictQueue>());
        services.AddSingleton<PredictionDispatcher>();
        services.AddSingleton<PredictionService>();
        services.AddSingleton<RefusalEvents>();
        services.AddPredictionEventPublisher(new PredictionEventPublisherOptions { BufferSize = options.TrackingBufferSize, PublishInterval = options.TrackingPublishInterval });
        services.AddHostedService<HeartbeatRequestService>();
        services.AddSingleton<ReplyPathWarmup>();
        services.AddHostedService<ReplyPathWarmupService>();
        services.AddCortexIngressStores(options);
        services.AddHealthChecks();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CortexMetrics.MeterName)
            .AddView("cortex_batch_size", new ExplicitBucketHistogramConfiguration { Boundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] })
            .AddView("cortex_request_latency", new ExplicitBucketHistogramConfiguration { Boundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] })
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapCortexIngress(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ApiCatalog>();
        app.MapCortexHealth();
        app.MapCortexApiList();
        app.MapCortexApiMetrics();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapTfServingApi();
        app.MapCortexDashboard();
        app.MapCortexApis(catalog);
        app.MapCortexFallback();
        return app;
    }
}
