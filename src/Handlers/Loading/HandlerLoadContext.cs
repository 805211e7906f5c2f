using System.Reflection;
using System.Runtime.Loader;

namespace Cortex.Queue.Handlers.Loading;

/// <summary>
/// A collectible load context for one handler: unloading it frees the handler's assembly when its API stops.
/// Assemblies the host already has resolve to the host's copies; a built handler's private dependencies are found
/// beside its dll.
/// </summary>
internal sealed class HandlerLoadContext(string name, string? dependencyFolder) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } simpleName || SharedAssemblies.IsShared(simpleName) || dependencyFolder is null)
        {
            return null;
        }
        var candidate = Path.Combine(dependencyFolder, simpleName + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
