using System.CommandLine;
using Cortex.Queue.Cli.Monitoring;

namespace Cortex.Queue.Cli.Commands;

/// <summary><c>cortex get [API] [--watch]</c>: what is deployed and how it is doing, read from a running ingress.</summary>
public static class GetCommand
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);

    // ANSI: cursor home, then clear the screen, so each redraw replaces the last one as `watch` does.
    private const string ClearScreen = "\u001b[H\u001b[2J";

    public static Command Create()
    {
        var api = new Argument<string?>("api") { Description = "an API's name (omit it for a table of every API)", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string>("--url") { Description = "the ingress", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CORTEX_URL") ?? "http://127.0.0.1:8888" };
        var window = new Option<string>("--window") { Description = "the period the request and prediction figures cover", DefaultValueFactory = _ => "1h" };
        window.AcceptOnlyFromAmong("1m", "1h", "1d", "14d");
        var watch = new Option<bool>("--watch", "-w") { Description = "redraw every 2 s until Ctrl-C" };
        var cluster = new ClusterOptions();
        var command = new Command("get", "Show deployed APIs: status, workers, latency, status codes, and for one API its signature and predictions");
        command.Arguments.Add(api);
        command.Options.Add(url);
        command.Options.Add(window);
        command.Options.Add(watch);
        cluster.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            // With a kubeconfig, replicas are what Kubernetes reports (requested/available); else the ingress's heartbeats.
            var replicas = ClusterReplicaSource.TryCreate(parseResult.GetValue(cluster.Kubeconfig), parseResult.GetValue(cluster.Context));
            var client = new IngressClient(http, parseResult.GetValue(url)!, replicas);
            var view = new GetView(client, parseResult.GetValue(api), parseResult.GetValue(window)!, replicas);
            return parseResult.GetValue(watch)
                ? await WatchAsync(view, cancellationToken).ConfigureAwait(false)
                : await PrintOnceAsync(view, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> PrintOnceAsync(GetView view, CancellationToken cancellationToken)
    {
        try
        {
            Console.Out.Write(await view.RenderAsync(cancellationToken).ConfigureAwait(false));
            return 0;
        }
        catch (Exception exception) when (exception is IngressUnreachableException or UnknownApiException or ArgumentException)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    private static async Task<int> WatchAsync(GetView view, CancellationToken cancellationToken)
    {
        var redraw = !Console.IsOutputRedirected;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string screen;
                try
                {
                    screen = await view.RenderAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IngressUnreachableException or UnknownApiException)
                {
                    // While watching, an ingress that restarts (or an API being deployed) is expected to come back.
                    screen = exception.Message + Environment.NewLine;
                }
                Console.Out.Write((redraw ? ClearScreen : Environment.NewLine) + $"every {WatchInterval.TotalSeconds:0} s, {DateTimeOffset.Now:HH:mm:ss}; Ctrl-C stops" + Environment.NewLine + Environment.NewLine + screen);
                await Task.Delay(WatchInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how a watch ends.
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
        return 0;
    }
}
