namespace Cortex.Queue.Handlers;

/// <summary>
/// A request handler: the class an API's <c>request_handler:</c> file defines to sit between its HTTP interface and its
/// model, as Cortex's Python request handlers did. Implement any of <see cref="IPreInferenceHandler"/>,
/// <see cref="IAsyncPreInferenceHandler"/>, <see cref="IPostInferenceHandler"/> and <see cref="IAsyncPostInferenceHandler"/>;
/// both stages are optional, and a stage left out passes its value through unchanged.
/// </summary>
/// <remarks>
/// <para>The worker creates one instance per API when it starts, with a public parameterless constructor, and calls it
/// from many requests at once: keep it free of per-request state (or guard that state).</para>
/// <para><c>metadata</c> is the API's <c>metadata:</c> block from cortex.yaml: strings, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, null, <c>List&lt;object?&gt;</c> and nested
/// <c>Dictionary&lt;string, object?&gt;</c>, read with YAML's core schema.</para>
/// <para>An exception thrown by a stage fails only the request being handled: it gets a 406 whose error names the stage
/// and the handler file (<c>prediction failed: pre_inference request handler (handler.cs): message</c>), and the
/// worker logs the stack trace.</para>
/// </remarks>
public interface IRequestHandler;
