using System.Reflection;
using Cortex.Queue.Config;
using Cortex.Queue.Handlers.Compilation;
using Cortex.Queue.Handlers.Invocation;

namespace Cortex.Queue.Handlers.Loading;

/// <summary>
/// Turns an API's <c>request_handler:</c> into a handler instance: compiles a .cs file (with the other .cs files under
/// <c>python_path</c>) or loads a built .dll, in a collectible load context, and creates the handler class.
/// </summary>
public static class RequestHandlerLoader
{
    /// <summary>The API's handler, or null when it has none.</summary>
    /// <exception cref="RequestHandlerLoadException">It does not compile, has no usable handler class, or its constructor threw.</exception>
    public static LoadedRequestHandler? Load(ApiConfig api)
    {
        if (RequestHandlerSource.For(api) is not { } source)
        {
            return null;
        }
        var problems = new List<string>();
        var context = new HandlerLoadContext($"request-handler:{api.Name}", source.IsAssembly ? Path.GetDirectoryName(source.FilePath) : null);
        try
        {
            var type = FindHandlerType(api, source, context, problems);
            if (type is not null && problems.Count == 0)
            {
                try
                {
                    return new LoadedRequestHandler(Activator.CreateInstance(type)!, source.DisplayName, api.Metadata, context.Unload);
                }
                catch (TargetInvocationException exception)
                {
                    problems.Add($"{source.DisplayName}: the constructor of {type.FullName} threw {exception.InnerException?.GetType().Name}: {exception.InnerException?.Message}");
                }
            }
            context.Unload();
            throw new RequestHandlerLoadException(api.Name, source.DisplayName, problems);
        }
        catch (Exception exception) when (exception is not RequestHandlerLoadException)
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>
    /// What <c>cortex validate</c> reports: compiler errors and a missing handler class, without creating the handler
    /// (its constructor may reach for things only a worker has). Empty when the API has no handler or it is fine.
    /// </summary>
    public static IReadOnlyList<string> Check(ApiConfig api)
    {
        if (RequestHandlerSource.For(api) is not { } source)
        {
            return [];
        }
        var problems = new List<string>();
        var context = new HandlerLoadContext($"request-handler-check:{api.Name}", source.IsAssembly ? Path.GetDirectoryName(source.FilePath) : null);
        try
        {
            FindHandlerType(api, source, context, problems);
        }
        finally
        {
            context.Unload();
        }
        return problems;
    }

    private static Type? FindHandlerType(ApiConfig api, RequestHandlerSource source, HandlerLoadContext context, List<string> problems)
    {
        if (source.FilePath.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"request handlers are read from local files only, got {source.FilePath}; put the handler beside cortex.yaml");
            return null;
        }
        if (!File.Exists(source.FilePath))
        {
            problems.Add($"request handler file not found: {source.FilePath}");
            return null;
        }
        if (source.IsAssembly)
        {
            Assembly built;
            try
            {
                using var stream = File.OpenRead(source.FilePath);
                built = context.LoadFromStream(stream);
            }
            catch (BadImageFormatException)
            {
                problems.Add($"{source.DisplayName} is not a .NET assembly");
                return null;
            }
            return HandlerTypeFinder.Find(built, source.DisplayName, source.TypeName, problems);
        }
        if (!source.FilePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"expected a C# file (handler.cs) or a built assembly (handler.dll or handler.dll:Namespace.Type), got {source.DisplayName}");
            return null;
        }

        var compilation = HandlerCompiler.Compile(HandlerSourceCollector.Collect(source.FilePath, api.PythonPath));
        if (!compilation.Succeeded)
        {
            problems.AddRange(compilation.Errors);
            return null;
        }
        using var image = new MemoryStream(compilation.Image!, writable: false);
        return HandlerTypeFinder.Find(context.LoadFromStream(image), source.DisplayName, null, problems);
    }
}
