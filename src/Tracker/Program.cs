using Cortex.Queue.Messaging;
using Cortex.Queue.Storage;
using Cortex.Queue.Tracker;
using Cortex.Queue.Tracker.Health;

// The tracker as its own process (distributed mode): prediction events and async results from RabbitMQ into PostgreSQL.
// It listens only for its probes (/healthz, /readyz), on 127.0.0.1:8889 unless --urls says otherwise.
// No file watcher for appsettings.json changes: it costs CPU on every write under the content root.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://127.0.0.1:8889");
}
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
builder.Services.AddCortexBus(messaging, bus => bus.AddCortexTrackerConsumers(trackerOptions, messaging, recordAsyncResults: true));
var app = builder.Build();
app.MapTrackerHealth();
await app.RunAsync();
return 0;
