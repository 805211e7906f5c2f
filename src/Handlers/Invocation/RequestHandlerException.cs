namespace Cortex.Queue.Handlers.Invocation;

/// <summary>
/// A request handler failed on one sample. The message is Cortex's wording without its
/// <c>prediction failed: </c> prefix: <c>pre_inference request handler (handler.cs): the handler's message</c>.
/// </summary>
public sealed class RequestHandlerException : Exception
{
    public RequestHandlerException(RequestHandlerStage stage, string displayName, string reason, Exception? cause)
        : base($"{StageName(stage)} request handler ({displayName}): {reason}", cause)
    {
        Stage = stage;
    }

    public RequestHandlerStage Stage { get; }

    public static string StageName(RequestHandlerStage stage) => stage == RequestHandlerStage.PreInference ? "pre_inference" : "post_inference";
}
