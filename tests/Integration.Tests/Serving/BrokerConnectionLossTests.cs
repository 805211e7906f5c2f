using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>
/// The ingress and the worker each hold their own AMQP connection for requests and answers; when the broker cuts them,
/// both reconnect on their own and the API answers again without a restart.
/// </summary>
public sealed class BrokerConnectionLossTests
{
    [RabbitMqFact]
    public async Task After_the_broker_connections_are_cut_the_api_answers_again_without_a_restart()
    {
        var rabbit = new Uri(TestEnvironment.RabbitMqUrl!);
        await using var proxy = new LoopbackTcpProxy(rabbit.Host, rabbit.Port);
        var viaProxy = new UriBuilder(rabbit) { Host = "127.0.0.1", Port = proxy.Port }.Uri.ToString();
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine, "timeout: 5s");
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = viaProxy });

        var before = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [1, 2, 3]}""");
        Assert.Equal(200, before.Status);

        // Every connection of the process (ingress, worker, bus) is cut; the broker is reachable again a moment later.
        await proxy.CloseAsync();
        var during = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [1, 2, 3]}""");
        Assert.True(during.Status is 503 or 504, $"with the broker unreachable: {during.Status} {during.Body}");
        Assert.Contains(api, during.Body);
        proxy.Open();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpJson.Reply after;
        do
        {
            after = await HttpJson.PostAsync(running.Http, deployment.PathOf(api), """{"x": [2, 2, 2]}""");
            if (after.Status == 200)
            {
                break;
            }
            Assert.True(after.Status is 503 or 504, $"while reconnecting: {after.Status} {after.Body}");
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(200, after.Status);
        Assert.Equal(15f, after.Json!["total"]!.GetValue<float>());
        // Not just one lucky request: a burst of concurrent ones (coalesced into groups) is answered too.
        var burst = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => HttpJson.PostAsync(running.Http, deployment.PathOf(api), $$"""{"x": [{{i}}, 0, 0]}""")));
        for (var i = 0; i < burst.Length; i++)
        {
            Assert.Equal(200, burst[i].Status);
            Assert.Equal(2f * i + 3f, burst[i].Json!["total"]!.GetValue<float>());
        }
    }
}
