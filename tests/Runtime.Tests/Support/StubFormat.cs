using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Loading;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>A model format that records what it was asked to load, standing in for formats other teams add.</summary>
public sealed class StubFormat(ModelKind kind) : IModelFormat
{
    public string? LoadedPath { get; private set; }

    public ModelLoadOptions? LoadedOptions { get; private set; }

    public ModelKind Kind => kind;

    public IModel Load(string resolvedPath, ModelLoadOptions options)
    {
        LoadedPath = resolvedPath;
        LoadedOptions = options;
        return new StubModel();
    }
}
