using MassTransit;

namespace Cortex.Queue.Ingress.Warmup;

public sealed class IngressPingConsumer : IConsumer<IngressPing>
{
    public Task Consume(ConsumeContext<IngressPing> context) => context.RespondAsync(new IngressPong(context.Message.Nonce));
}
