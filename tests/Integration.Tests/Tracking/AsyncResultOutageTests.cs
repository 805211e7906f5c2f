using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Async results that finish while PostgreSQL is unreachable wait in the queue and are recorded when it returns.</summary>
public sealed class AsyncResultOutageTests
{
    [RabbitMqAndPostgresFact]
    public async Task Async_requests_that_finish_while_postgres_is_unreachable_are_completed_once_it_returns()
    {
        using var schema = new PostgresTestSchema();
        var (host, port) = PostgresTestSchema.ServerAddress();
        await using var proxy = new LoopbackTcpProxy(host, port);
        var api = TestDeployment.UniqueName("slow");
        using var deployment = TestDeployment.SingleApi(api, path => TestModels.WriteSlow(path, layers: 1500), "batching:\n  max_batch_size: 1\ntimeout: 120s");
        await using var running = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.Via("127.0.0.1", proxy.Port) });

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var x = new float[128];
            x[0] = i;
            var accepted = await HttpJson.PostAsync(running.Http, deployment.PathOf(api) + "/async", "{\"x\": [" + string.Join(",", x) + "]}");
            Assert.Equal(202, accepted.Status);
            ids.Add(accepted.Json!["id"]!.GetValue<string>());
        }
        // The worker starts and finishes them one at a time while the database is away.
        await proxy.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        proxy.Open();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var i = 0; i < ids.Count; i++)
        {
            HttpJson.Reply status;
            do
            {
                status = await HttpJson.GetAsync(running.Http, $"{deployment.PathOf(api)}/async/{ids[i]}");
                if (status.Json?["status"]?.GetValue<string>() == "completed")
                {
                    break;
                }
                await Task.Delay(250);
            }
            while (DateTime.UtcNow < deadline);

            Assert.True(status.Json?["status"]?.GetValue<string>() == "completed", $"request {i} ({ids[i]}): {status.Status} {status.Body}");
            Assert.Equal((float)i, status.Json!["result"]!["total"]!.GetValue<float>());
        }
    }
}
