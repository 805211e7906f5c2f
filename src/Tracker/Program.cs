using Cortex.Queue.Messaging;
using Cortex.Queue.Storage;
using Cortex.Queue.Tracker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// The tracker as its own process (distributed mode): prediction events and async results from RabbitMQ into PostgreSQL.
var builder = Host.CreateApplicationBuilder(args);
var trackerOptions = builder.Configuration.GetSection(TrackerOptions.SectionName).Get<TrackerOptions>() ?? new TrackerOptions();
trackerOptions.Postgres = Environment.GetEnvironmentVariable("CORTEX_POSTGRES") ?? trackerOptions.Postgres;
var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
messaging.RabbitMq = Environment.GetEnvironmentVariable("CORTEX_RABBITMQ") ?? messaging.RabbitMq;

if (string.IsNullOrWhiteSpace(trackerOptions.Postgres) || !messaging.UsesRabbitMq)
{
    Console.Error.WriteLine("tracker: set CORTEX_RABBITMQ (amqp://user:password@host:port/vhost) and CORTEX_POSTGRES (Host=...;Port=...;Username=...;Database=...); the tracker moves events from one to the other.");
    return 2;
}

builder.Services.AddPostgresStores(trackerOptions.Postgres, expireAsyncResults: true, store =>
{
    store.Retention = trackerOptions.AsyncRetention;
    store.ExpiryInterval = trackerOptions.AsyncExpiryInterval;
});
builder.Services.AddCortexBus(messaging, bus => bus.AddCortexTrackerConsumers(trackerOptions, recordAsyncResults: true));
await builder.Build().RunAsync();
return 0;
