using System.CommandLine;
using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cortex.Queue.Cli.Commands;

/// <summary><c>cortex up PATH</c>: ingress, one worker per API and the result store in one process.</summary>
public static class UpCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "a cortex.yaml, or the folder holding one", DefaultValueFactory = _ => "." };
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1", DefaultValueFactory = _ => 8888 };
        var rabbitMq = new Option<string?>("--rabbitmq") { Description = "amqp://user:password@host:port/ (default: $CORTEX_RABBITMQ, else the embedded in-memory queue)" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string for predictions and async results, e.g. 'Host=127.0.0.1;Port=5432;Username=cortex;Database=cortex' (default: $CORTEX_POSTGRES, else the SQLite file .cortex/cortex.db)" };
        var command = new Command("up", "Serve every API of a cortex.yaml on this machine (embedded queue unless --rabbitmq)");
        command.Arguments.Add(path);
        command.Options.Add(port);
        command.Options.Add(rabbitMq);
        command.Options.Add(postgres);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var config = ConfigReporter.LoadOrReport(parseResult.GetValue(path)!, Console.Error);
            if (config is null)
            {
                return 1;
            }
            var options = new EmbeddedHostOptions
            {
                Port = parseResult.GetValue(port),
                RabbitMq = parseResult.GetValue(rabbitMq) ?? Environment.GetEnvironmentVariable("CORTEX_RABBITMQ"),
                Postgres = parseResult.GetValue(postgres) ?? (Environment.GetEnvironmentVariable("CORTEX_POSTGRES") is { Length: > 0 } fromEnvironment ? fromEnvironment : null),
            };
            if (!LoopbackPort.IsFree(options.Port))
            {
                Console.Error.WriteLine($"cortex up: port {options.Port} on 127.0.0.1 is already in use (another `cortex up`?); stop that, or pick a free port with --port N");
                return 1;
            }
            await using var app = EmbeddedHost.Build(config, options);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var ready = await ReadinessWaiter.WaitAsync($"http://127.0.0.1:{options.Port}", TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
            Console.Out.Write(UpBanner.Write(config, options, ready));
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine("stopped");
            return 0;
        });
        return command;
    }
}
