using Cortex.Queue.Config;

namespace Cortex.Queue.Runtime.Loading;

/// <summary>One kind of model Cortex can serve; <see cref="ModelLoader"/> dispatches to it by <see cref="Kind"/>.</summary>
public interface IModelFormat
{
    ModelKind Kind { get; }

    /// <summary>Loads from a local path (file or folder, as the format defines); throws <see cref="ModelLoadException"/>.</summary>
    IModel Load(string resolvedPath, ModelLoadOptions options);
}
