namespace Cortex.Queue.Handlers.Loading;

/// <summary>
/// The assemblies the host process already resolves (its trusted platform assemblies). A handler's load context
/// leaves these to the default context, so <c>IRequestHandler</c> and <c>ModelSignature</c> are the very same types
/// for the worker and the handler; otherwise the worker could not call the handler through its interface.
/// </summary>
internal static class SharedAssemblies
{
    private static readonly Lazy<IReadOnlyList<string>> Paths = new(ReadPaths);
    private static readonly Lazy<HashSet<string>> Names = new(() =>
        new HashSet<string>(Paths.Value.Select(Path.GetFileNameWithoutExtension).OfType<string>(), StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<string> TrustedPlatformPaths => Paths.Value;

    public static bool IsShared(string simpleName) => Names.Value.Contains(simpleName);

    private static IReadOnlyList<string> ReadPaths() =>
        AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            : [];
}
