using Cortex.Queue.Config;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress;
using Cortex.Queue.Messaging;
using Cortex.Queue.Messaging.Tracking;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Tracker;
using Cortex.Queue.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Cli.Embedded;

/// <summary>
/// Ingress, workers, the tracker and the result store in one process on one bus: what <c>cortex up</c> runs, and what tests and
/// benchmarks start in-process. With <see cref="EmbeddedHostOptions.RabbitMq"/> the same process talks through RabbitMQ.
/// </summary>
public static class EmbeddedHost
{
    public static WebApplication Build(CortexConfig config, EmbeddedHostOptions options, ModelLoader? loader = null)
    {
        // No reloading of appsettings.json: its file watcher covers the whole content root, including the .cortex store
        // that is written on every prediction, and handling those change events took ~7% of the CPU under load.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = config.RootDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // MassTransit and ASP.NET are chatty at Information; a user of `cortex up` wants to see their APIs.
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // /readyz answers "not ready" while the bus starts; that is its job, not an error worth a log line.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);

        var messaging = new MessagingOptions { RabbitMq = options.RabbitMq };
        // The same "Ingress" knobs as an ingress process (env Ingress__MinMessagesInFlight, ...); what this host is
        // told directly (flags of `cortex up`) wins.
        var ingressOptions = builder.Configuration.GetSection(IngressOptions.SectionName).Get<IngressOptions>() ?? new IngressOptions();
        ingressOptions.Config = config.FilePath;
        ingressOptions.MaxRequestBodyBytes = options.MaxRequestBodyBytes;
        ingressOptions.MaxPendingRequests = options.MaxPendingRequests;
        ingressOptions.RequireWorkersForReadiness = options.RunWorkers;
        ingressOptions.AsyncStorePath = options.AsyncStorePath ?? Path.Combine(config.RootDirectory, ".cortex", "cortex.db");
        ingressOptions.Postgres = options.Postgres;
        ingressOptions.DurableSyncRequests = options.DurableSyncRequests ?? ingressOptions.DurableSyncRequests;
        // On a shared broker this process tracks only its own deployment's predictions, from a queue of its own
        // (unique, because tests and benchmarks run several hosts of one deployment in a process).
        var trackerOptions = new TrackerOptions
        {
            QueueName = $"{QueueNames.PredictionServedTracker}-{config.DeploymentName}-{Guid.NewGuid().ToString("N")[..12]}",
            Deployment = config.DeploymentName,
            TemporaryQueue = true,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ingressOptions.AsyncStorePath))!);

        builder.Services.AddCortexBus(messaging, bus =>
        {
            bus.AddCortexIngressConsumers(config.DeploymentName);
            bus.AddCortexTrackerConsumers(trackerOptions, messaging, recordAsyncResults: false);
            if (options.RunWorkers)
            {
                bus.AddCortexWorkerConsumers();
            }
        });
        // The same "Worker" knobs as a worker process (env Worker__DebugTruncateLength, ...), for this file and API.
        var workerOptions = builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        workerOptions.Config = config.FilePath;
        workerOptions.Api = options.WorkerApi;
        if (options.RunWorkers)
        {
            // One event publisher serves the ingress and the workers of this process; the workers' knobs set it.
            builder.Services.AddPredictionEventPublisher(new PredictionEventPublisherOptions
            {
                BufferSize = workerOptions.TrackingBufferSize,
                PublishInterval = workerOptions.TrackingPublishInterval,
            });
        }
        builder.AddCortexIngress(config, ingressOptions);
        if (options.RunWorkers)
        {
            builder.Services.AddCortexWorkers(config, workerOptions, loader ?? ServingModelLoader.Default);
        }
        var app = builder.Build();
        app.MapCortexIngress();
        return app;
    }
}
