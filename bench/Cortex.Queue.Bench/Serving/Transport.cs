namespace Cortex.Queue.Bench.Serving;

/// <summary>How requests travel from the ingress to the worker in a serving scenario.</summary>
public enum Transport
{
    /// <summary>MassTransit's in-memory transport: ingress and worker in one process (<c>cortex up</c>).</summary>
    Embedded,

    /// <summary>RabbitMQ, with ingress and worker still in the benchmark's process (<c>cortex up --rabbitmq</c>).</summary>
    RabbitMq,

    /// <summary>As <see cref="RabbitMq"/>, with <c>Ingress:DurableSyncRequests</c> false: synchronous requests travel as transient messages.</summary>
    RabbitMqTransient,

    /// <summary>RabbitMQ with the worker in its own process (the distributed set-up); its RSS is the worker's alone.</summary>
    RabbitMqWorkerProcess,
}
