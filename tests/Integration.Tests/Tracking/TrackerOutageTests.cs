using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Contracts;
using Cortex.Queue.Integration.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cortex.Queue.Integration.Tests.Tracking;

/// <summary>Events wait in RabbitMQ while PostgreSQL is away and are stored exactly once when it returns.</summary>
public sealed class TrackerOutageTests
{
    [RabbitMqAndPostgresFact]
    public async Task Predictions_made_while_postgres_is_unreachable_for_thirty_seconds_are_all_stored_exactly_once_after_it_returns()
    {
        using var schema = new PostgresTestSchema();
        var (host, port) = PostgresTestSchema.ServerAddress();
        await using var proxy = new LoopbackTcpProxy(host, port);
        using var deployment = TrackingDeployments.Iris();
        await using var running = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.Via("127.0.0.1", proxy.Port) });
        var samples = TrackingDeployments.IrisSamples();

        await proxy.CloseAsync();
        var closedAt = DateTime.UtcNow;
        var replies = await TrackingDeployments.SendAsync(running.Http, deployment.PathOf("classifier"), 5000, i => samples[i % samples.Length], "outage", parallel: 32);
        Assert.All(replies, reply => Assert.Equal(200, reply.Status));
        var unreachable = await HttpJson.GetAsync(running.Http, "/apis/classifier/metrics");
        Assert.Equal(503, unreachable.Status);
        var remaining = TimeSpan.FromSeconds(30) - (DateTime.UtcNow - closedAt);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        proxy.Open();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long stored = 0;
        while (DateTime.UtcNow < deadline)
        {
            stored = await StoredCountAsync(schema);
            if (stored >= 5000)
            {
                break;
            }
            await Task.Delay(250);
        }

        Assert.Equal(5000, stored);
        var ids = await schema.StringsAsync("SELECT request_id FROM predictions WHERE api = 'classifier'");
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"outage-{i}").Order(), ids.Order());
        var metrics = await TrackingDeployments.WaitForMetricsAsync(running.Http, "classifier", 5000);
        Assert.Equal(5000, metrics["requests"]!["count"]!.GetValue<long>());
    }

    [RabbitMqAndPostgresFact]
    public async Task The_same_event_delivered_twice_is_stored_once()
    {
        using var schema = new PostgresTestSchema();
        using var deployment = TrackingDeployments.Iris();
        await using var running = await RunningDeployment.StartAsync(
            deployment.Config,
            new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl, Postgres = schema.ConnectionString, RunWorkers = false },
            waitForWorkers: false);
        var bus = running.Services.GetRequiredService<IBus>();
        var served = new PredictionServed("classifier", deployment.DeploymentName, "twice", DateTimeOffset.UtcNow, 200, 4.5, 0.5, 1, "worker-1", "2", null);

        // Until the tracker's queue is bound, a publish goes nowhere: repeat it until the event is stored.
        await PublishUntilStoredAsync(bus, served, schema);
        // The redelivery comes with a marker event behind it: once the marker is stored, the duplicate was processed too.
        await bus.Publish(new PredictionServedBatch([served with { At = served.At.AddSeconds(1), TrackedClass = "1" }]));
        await bus.Publish(new PredictionServedBatch([served with { RequestId = "marker" }]));
        await WaitForRowAsync(schema, "marker");
        await Task.Delay(500);

        Assert.Equal(1, await schema.ScalarAsync("SELECT count(*) FROM predictions WHERE request_id = 'twice'"));
        var metrics = await TrackingDeployments.WaitForMetricsAsync(running.Http, "classifier", 2);
        Assert.Equal(2, metrics["requests"]!["count"]!.GetValue<long>());
        Assert.Equal(2, metrics["classes"]!.AsArray().Single()!["count"]!.GetValue<long>());
    }

    private static async Task<long> StoredCountAsync(PostgresTestSchema schema)
    {
        try
        {
            return await schema.ScalarAsync("SELECT count(*) FROM predictions WHERE api = 'classifier'");
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == "42P01")
        {
            // The tracker has not created its table yet.
            return 0;
        }
    }

    private static async Task PublishUntilStoredAsync(IBus bus, PredictionServed served, PostgresTestSchema schema)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await bus.Publish(new PredictionServedBatch([served]));
            for (var i = 0; i < 10; i++)
            {
                await Task.Delay(100);
                if (await IsStoredAsync(schema, served.RequestId))
                {
                    return;
                }
            }
        }
        throw new TimeoutException($"event {served.RequestId} was not stored within 30 s");
    }

    private static async Task WaitForRowAsync(PostgresTestSchema schema, string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await IsStoredAsync(schema, requestId))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"event {requestId} was not stored within 30 s");
    }

    private static async Task<bool> IsStoredAsync(PostgresTestSchema schema, string requestId)
    {
        try
        {
            return await schema.ScalarAsync($"SELECT count(*) FROM predictions WHERE request_id = '{requestId}'") > 0;
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == "42P01")
        {
            // The tracker has not created its table yet.
            return false;
        }
    }
}
