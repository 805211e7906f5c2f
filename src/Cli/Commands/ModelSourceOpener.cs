using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// Resolves a <c>cortex model</c> path the way workers do (s3:// downloads with a progress bar on standard error,
/// .zip unpacking, version folders) and detects whether it is a SavedModel or ONNX.
/// </summary>
public static class ModelSourceOpener
{
    public static async Task<ModelOpenedSource> OpenAsync(string path, IReadOnlyList<long>? versions, string? signatureKey, CancellationToken cancellationToken)
    {
        var options = new ModelLoadOptions
        {
            SignatureKey = signatureKey,
            SpecificVersions = versions is { Count: > 0 } ? versions : null,
            DownloadProgress = ModelDownloadProgressBar.ForStandardError(),
        };
        var source = await ModelSourceResolver.Default.ResolveAsync(path, options, cancellationToken).ConfigureAwait(false);
        if (source.Kind != ModelSourceKind.Local)
        {
            Console.Error.WriteLine($"{source.Origin}: {(source.Downloaded ? "downloaded to" : "using the cached copy in")} {source.LocalPath}");
        }
        try
        {
            return new ModelOpenedSource(source, ModelKindDetector.Detect(source.LocalPath), options);
        }
        catch (ModelLoadException ex)
        {
            throw new ModelLoadException(source.Explain(ex.Message), ex);
        }
    }
}
