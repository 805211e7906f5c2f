using Cortex.Queue.Config.Validation;

namespace Cortex.Queue.Config.Resources;

/// <summary>Reads a <c>tensorflow:</c> or <c>onnx:</c> block. The model path is not checked here: the runtime reports a missing model with this block's location.</summary>
internal static class ModelBlockReader
{
    /// <returns>The model, or null when the block or its <c>model:</c> could not be read (already reported).</returns>
    public static ModelConfig? Read(MappingReader block, ModelKind kind, string rootDirectory)
    {
        var model = ReadModelPath(block);
        var requestHandler = ReadRequestHandler(block, rootDirectory);
        var signatureKey = kind == ModelKind.TensorFlow ? block.String("signature_key") : FieldValue<string>.Absent;
        if (signatureKey.IsValid && string.IsNullOrWhiteSpace(signatureKey.Value))
        {
            block.Errors.Add(signatureKey.Node!, block.PathOf("signature_key"), "expected a signature name, got an empty string");
        }

        var versions = block.NonNegativeIntegers("versions");

        if (!model.IsValid)
        {
            return null;
        }

        return new ModelConfig
        {
            Kind = kind,
            Path = model.Value!,
            ResolvedPath = LocalPaths.IsS3(model.Value!) ? model.Value! : LocalPaths.Resolve(rootDirectory, model.Value!),
            RequestHandler = requestHandler.Value,
            RequestHandlerPath = requestHandler.IsValid && !LocalPaths.IsS3(requestHandler.Value!)
                ? LocalPaths.Resolve(rootDirectory, requestHandler.Value!)
                : requestHandler.Value,
            SignatureKey = signatureKey.IsValid && !string.IsNullOrWhiteSpace(signatureKey.Value) ? signatureKey.Value : null,
            Versions = versions.IsValid ? versions.Value : null,
            Location = block.Errors.LocationOf(model.Node!.Start),
            RequestHandlerLocation = requestHandler.IsValid ? block.Errors.LocationOf(requestHandler.Node!.Start) : null,
        };
    }

    private static FieldValue<string> ReadModelPath(MappingReader block)
    {
        var model = block.String("model", required: true);
        if (!model.IsValid || ModelPathProblem(model.Value!) is not { } problem)
        {
            return model;
        }

        block.Errors.Add(model.Node!, block.PathOf("model"), problem);
        return FieldValue<string>.Invalid(model.Node!);
    }

    private static string? ModelPathProblem(string path)
    {
        if (path.Trim().Length == 0)
        {
            return "expected a model path, got an empty string";
        }

        if (LocalPaths.IsS3(path))
        {
            return LocalPaths.S3UrlWithBucket().IsMatch(path) ? null : $"expected s3://bucket/prefix, got '{path}'";
        }

        return LocalPaths.IsUrl(path) ? $"expected a local path or an s3://bucket/prefix URL, got '{path}'" : null;
    }

    /// <summary>A local handler must exist now: finding out when the worker starts is too late to point at the line.</summary>
    private static FieldValue<string> ReadRequestHandler(MappingReader block, string rootDirectory)
    {
        var handler = block.String("request_handler");
        if (!handler.IsValid || LocalPaths.IsS3(handler.Value!) || RequestHandlerProblem(handler.Value!, rootDirectory) is not { } problem)
        {
            return handler;
        }

        block.Errors.Add(handler.Node!, block.PathOf("request_handler"), problem);
        return FieldValue<string>.Invalid(handler.Node!);
    }

    private static string? RequestHandlerProblem(string path, string rootDirectory)
    {
        if (path.Trim().Length == 0)
        {
            return "expected a request handler file, got an empty string";
        }

        if (LocalPaths.IsUrl(path))
        {
            return $"expected a file relative to the cortex.yaml folder or an s3:// URL, got '{path}'";
        }

        var resolved = LocalPaths.Resolve(rootDirectory, WithoutAssemblyTypeName(path));
        if (Directory.Exists(resolved))
        {
            return $"expected a file, got the folder {resolved}";
        }

        return File.Exists(resolved) ? null : $"request handler file not found: {resolved}";
    }

    /// <summary>A built handler may name its class after the file (<c>handler.dll:My.Namespace.Handler</c>); only the file must exist.</summary>
    private static string WithoutAssemblyTypeName(string path)
    {
        var marker = path.LastIndexOf(".dll:", StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? path : path[..(marker + ".dll".Length)];
    }
}
