namespace Cortex.Queue.Handlers.Loading;

/// <summary>An API's request handler cannot be used: it does not compile, has no handler class, or cannot be created.</summary>
public sealed class RequestHandlerLoadException : Exception
{
    public RequestHandlerLoadException(string apiName, string displayName, IReadOnlyList<string> problems)
        : base($"API '{apiName}': request handler {displayName} cannot be used:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}")
    {
        Problems = problems;
    }

    /// <summary>One line each, compiler errors as <c>handler.cs:LINE:COL: error CSxxxx: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
