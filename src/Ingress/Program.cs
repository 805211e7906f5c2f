using Cortex.Queue.Config;
using Cortex.Queue.Ingress;
using Cortex.Queue.Messaging;

// The ingress as its own process (distributed mode): HTTP in, RabbitMQ out. It never loads a model.
// No file watcher for appsettings.json changes (see EmbeddedHost): it costs CPU on every write under the content root.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
var ingressOptions = builder.Configuration.GetSection(IngressOptions.SectionName).Get<IngressOptions>() ?? new IngressOptions();
ingressOptions.Config = Environment.GetEnvironmentVariable("CORTEX_CONFIG") ?? ingressOptions.Config;
var messaging = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
messaging.RabbitMq = Environment.GetEnvironmentVariable("CORTEX_RABBITMQ") ?? messaging.RabbitMq;
ingressOptions.Postgres = Environment.GetEnvironmentVariable("CORTEX_POSTGRES") ?? ingressOptions.Postgres;
// On PostgreSQL the tracker process records async results; the ingress only reads them.
ingressOptions.RecordsAsyncResults = string.IsNullOrWhiteSpace(ingressOptions.Postgres);

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // Loopback unless told otherwise: exposing the port is a deliberate choice.
    builder.WebHost.UseUrls("http://127.0.0.1:8888");
}

var config = CortexConfigLoader.LoadOrThrow(ingressOptions.Config);
builder.Services.AddCortexBus(messaging, bus => bus.AddCortexIngressConsumers(config.DeploymentName, ingressOptions.RecordsAsyncResults));
builder.AddCortexIngress(config, ingressOptions);
var app = builder.Build();
app.MapCortexIngress();
app.Run();
