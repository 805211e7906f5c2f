namespace Cortex.Queue.Handlers.Invocation;

/// <summary>The two places a request handler runs, named as Cortex named them in its errors and debug output.</summary>
public enum RequestHandlerStage
{
    PreInference,
    PostInference,
}
