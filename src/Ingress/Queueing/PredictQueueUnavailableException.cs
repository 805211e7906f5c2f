namespace Cortex.Queue.Ingress.Queueing;

/// <summary>The broker refused or could not take a request (connection lost, message not confirmed); the caller gets 503.</summary>
public sealed class PredictQueueUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
