using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Cli.Commands;

/// <summary>A model path made local (downloaded, unpacked, version chosen), what kind of model it holds, and the options to load it with.</summary>
public sealed record ModelOpenedSource(ResolvedModelSource Source, ModelKind Kind, ModelLoadOptions Options)
{
    public string LocalPath => Source.LocalPath;
}
