using System.Collections.Immutable;
using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Tensors;
using Microsoft.CodeAnalysis;

namespace Cortex.Queue.Handlers.Compilation;

/// <summary>
/// What a handler compiles against: the .NET shared framework of the running process, the handler contract and the
/// tensor types. Reading ~170 reference assemblies costs about half a second, so the list is built once per process
/// and every later compile reuses it (then a handler compiles in milliseconds).
/// </summary>
internal static class HandlerReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Cached = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> All => Cached.Value;

    private static ImmutableArray<MetadataReference> Build()
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in SharedAssemblies.TrustedPlatformPaths)
        {
            // Only the shared framework: the host's own dependencies (MassTransit, ONNX Runtime, ...) are not part
            // of the handler contract and would make a handler's build depend on where it runs.
            if (string.Equals(Path.GetDirectoryName(path), frameworkFolder, StringComparison.Ordinal))
            {
                paths[Path.GetFileName(path)] = path;
            }
        }
        if (paths.Count == 0)
        {
            foreach (var path in Directory.EnumerateFiles(frameworkFolder, "*.dll"))
            {
                paths[Path.GetFileName(path)] = path;
            }
        }
        foreach (var contract in new[] { typeof(IRequestHandler).Assembly, typeof(ModelSignature).Assembly })
        {
            paths[Path.GetFileName(contract.Location)] = contract.Location;
        }

        var references = ImmutableArray.CreateBuilder<MetadataReference>(paths.Count);
        foreach (var path in paths.Values)
        {
            try
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (BadImageFormatException)
            {
                // A native library that happens to end in .dll: not a reference.
            }
        }
        return references.ToImmutable();
    }
}
