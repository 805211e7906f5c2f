using System.Reflection;

namespace Cortex.Queue.Handlers.Loading;

/// <summary>
/// Picks the handler class of an assembly: the one named by <c>handler.dll:Type.Name</c>, or else the only concrete
/// class implementing <see cref="IRequestHandler"/>.
/// </summary>
internal static class HandlerTypeFinder
{
    public static Type Find(Assembly assembly, string displayName, string? typeName, List<string> problems)
    {
        if (typeName is not null)
        {
            var named = assembly.GetType(typeName, throwOnError: false);
            if (named is null)
            {
                problems.Add($"{displayName} has no type '{typeName}'{Candidates(assembly)}");
            }
            else if (Unusable(named) is { } reason)
            {
                problems.Add($"{displayName}: type '{typeName}' {reason}");
            }
            return named!;
        }

        var handlers = LoadableTypes(assembly, out var loaderErrors).Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRequestHandler).IsAssignableFrom(t)).ToArray();
        switch (handlers.Length)
        {
            case 0:
                problems.Add($"{displayName} defines no class implementing IPreInferenceHandler, IPostInferenceHandler or their async forms (namespace Cortex.Queue.Handlers)");
                problems.AddRange(loaderErrors);
                return null!;
            case > 1:
                var advice = displayName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                    ? $"name one after the file, as in request_handler: {displayName}:{handlers[0].FullName}"
                    : "keep one (helpers that are not handlers need not implement the handler interfaces)";
                problems.Add($"{displayName} defines {handlers.Length} handler classes ({string.Join(", ", handlers.Select(h => h.FullName))}); {advice}");
                return null!;
        }
        if (Unusable(handlers[0]) is { } problem)
        {
            problems.Add($"{displayName}: class '{handlers[0].FullName}' {problem}");
        }
        return handlers[0];
    }

    private static string? Unusable(Type type)
    {
        if (!typeof(IRequestHandler).IsAssignableFrom(type))
        {
            return "does not implement IPreInferenceHandler, IPostInferenceHandler or their async forms";
        }
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters)
        {
            return "is not a concrete class the worker can create";
        }
        return type.GetConstructor(Type.EmptyTypes) is null ? "needs a public constructor without parameters" : null;
    }

    private static string Candidates(Assembly assembly)
    {
        var names = LoadableTypes(assembly, out _).Where(t => typeof(IRequestHandler).IsAssignableFrom(t)).Select(t => t.FullName).ToArray();
        return names.Length == 0 ? "" : $"; its handler classes are: {string.Join(", ", names)}";
    }

    private static Type[] LoadableTypes(Assembly assembly, out IReadOnlyList<string> loaderErrors)
    {
        try
        {
            loaderErrors = [];
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            // A type whose dependency is missing cannot be the handler; the reasons matter only if no handler is found.
            loaderErrors = exception.LoaderExceptions.OfType<Exception>()
                .Select(e => $"a type could not be loaded: {e.Message}")
                .Distinct()
                .Take(3)
                .ToArray();
            return exception.Types.OfType<Type>().ToArray();
        }
    }
}
