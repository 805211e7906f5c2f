using Cortex.Queue.Config;
using Cortex.Queue.Messaging;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// A worker process serving one API of a cortex.yaml over RabbitMQ (distributed mode).
// No file watcher for appsettings.json changes: it costs CPU on every write under the content root.
var builder = Host.CreateApplicationBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
var workerOptions = builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
workerOptions.Config = Environment.GetEnvironmentVariable("CORTEX_CONFIG") ?? workerOptions.Config;
workerOptions.Api = Environment.GetEnvironmentVariable("CORTEX_API") ?? workerOptions.Api;
var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
messaging.RabbitMq = Environment.GetEnvironmentVariable("CORTEX_RABBITMQ") ?? messaging.RabbitMq;

var config = CortexConfigLoader.LoadOrThrow(workerOptions.Config);
builder.Services.AddCortexBus(messaging, bus => bus.AddCortexWorkerConsumers());
builder.Services.AddCortexWorkers(config, workerOptions, ServingModelLoader.Default);
await builder.Build().RunAsync();
