using Cortex.Queue.Config.Validation;
using Cortex.Queue.Config.Values;
using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Resources;

/// <summary>Reads one <c>kind: api</c> resource into an <see cref="ApiConfig"/>, reporting every problem in it.</summary>
internal sealed class ApiReader(ConfigErrorCollector errors, string rootDirectory)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(10);

    // The ingress serves these itself; an API mounted there would be unreachable or shadow them.
    private static readonly string[] ReservedEndpoints = ["/healthz", "/readyz", "/metrics"];

    private const string ReservedEndpointPrefix = "/v1/";

    public ApiReadResult Read(YamlMappingNode resource, int index, string? deploymentName)
    {
        var api = new MappingReader(resource, $"apis[{index}]", resource.Start, CortexSchema.Api, errors);
        var name = ReadName(api);
        YamlNode anchor = name.Node ?? resource;

        var explicitEndpoint = ReadEndpoint(api);
        var endpoint = explicitEndpoint.IsValid ? explicitEndpoint.Value!
            : deploymentName is not null && name.IsValid ? $"/{deploymentName}/{name.Value}"
            : null;

        var modelBlocks = ReadModelBlocks(api, anchor);
        // With both blocks given, each is still checked for its own errors, but neither is served.
        var servesOneModel = api.Has("tensorflow") != api.Has("onnx") && modelBlocks.Count == 1;
        var model = servesOneModel ? modelBlocks[0].Model : null;
        var modelBlock = servesOneModel ? modelBlocks[0].Block : null;

        var pythonPath = ReadPythonPath(api, modelBlocks.Select(b => b.Block));
        var metadata = ReadMetadata(api, modelBlock, modelBlocks.Select(b => b.Block));

        var trackerBlock = api.Nested("tracker", CortexSchema.Tracker);
        var tracker = trackerBlock is null ? null : TrackerBlockReader.Read(trackerBlock);
        var computeBlock = api.Nested("compute", CortexSchema.Compute);
        var compute = ComputeBlockReader.Read(computeBlock);
        var batchingBlock = api.Nested("batching", CortexSchema.Batching);
        var batching = BatchingBlockReader.Read(batchingBlock);
        var autoscalingBlock = api.Nested("autoscaling", CortexSchema.Autoscaling);
        var targetQueueLength = autoscalingBlock?.Int("target_queue_length", minimum: 1) ?? FieldValue<int>.Absent;
        var timeout = api.Duration("timeout", TimeSpan.Zero, minimumExclusive: true, LongestTimeout);

        var givenKeys = new HashSet<string>(api.GivenKeys, StringComparer.Ordinal);
        foreach (var block in new[] { trackerBlock, computeBlock, batchingBlock, autoscalingBlock, modelBlock })
        {
            if (block is not null)
            {
                var prefix = block.KeyPath[(api.KeyPath.Length + 1)..];
                givenKeys.UnionWith(block.GivenKeys.Select(key => $"{prefix}.{key}"));
            }
        }

        // Keys accepted at both placements count as given wherever they were written.
        foreach (var shared in new[] { "python_path", "metadata" })
        {
            if (modelBlock?.Has(shared) == true)
            {
                givenKeys.Add(shared);
            }
        }

        var config = model is null || !name.IsValid || endpoint is null
            ? null
            : new ApiConfig
            {
                Name = name.Value!,
                Index = index,
                Endpoint = endpoint,
                Model = model,
                PythonPath = pythonPath,
                Metadata = metadata,
                Tracker = tracker,
                Compute = compute,
                Batching = batching,
                Autoscaling = new AutoscalingConfig { TargetQueueLength = targetQueueLength.Or(batching.MaxBatchSize) },
                Timeout = timeout.Or(DefaultTimeout),
                Location = errors.LocationOf(anchor.Start),
                GivenKeys = givenKeys,
            };
        return new ApiReadResult(config, name, endpoint, explicitEndpoint.Node, anchor);
    }

    private FieldValue<string> ReadName(MappingReader api)
    {
        var name = api.String("name", required: true);
        if (name.IsValid && ResourceNames.Problem(name.Value!) is { } problem)
        {
            errors.Add(name.Node!, api.PathOf("name"), problem);
            return FieldValue<string>.Invalid(name.Node!);
        }

        return name;
    }

    private FieldValue<string> ReadEndpoint(MappingReader api)
    {
        var endpoint = api.String("endpoint");
        if (!endpoint.IsValid)
        {
            return endpoint;
        }

        if (EndpointProblem(endpoint.Value!) is not { } problem)
        {
            return endpoint;
        }

        errors.Add(endpoint.Node!, api.PathOf("endpoint"), problem);
        return FieldValue<string>.Invalid(endpoint.Node!);
    }

    private static string? EndpointProblem(string endpoint)
    {
        if (!endpoint.StartsWith('/'))
        {
            return $"expected a path starting with '/', got '{endpoint}'";
        }

        if (endpoint.Any(c => char.IsWhiteSpace(c) || c is '?' or '#'))
        {
            return $"expected a URL path without spaces, '?' or '#', got '{endpoint}'";
        }

        if (endpoint.EndsWith('/'))
        {
            // {endpoint}/signature and {endpoint}/async are derived from it.
            return $"expected a path without a trailing '/', got '{endpoint}'";
        }

        if (ReservedEndpoints.Contains(endpoint, StringComparer.OrdinalIgnoreCase)
            || endpoint.StartsWith(ReservedEndpointPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"'{endpoint}' is reserved for the service's own routes ({string.Join(", ", ReservedEndpoints)}, {ReservedEndpointPrefix}...)";
        }

        return null;
    }

    private List<(ModelConfig? Model, MappingReader Block)> ReadModelBlocks(MappingReader api, YamlNode anchor)
    {
        (string Key, ModelKind Kind, BlockSchema Schema)[] modelKinds =
        [
            ("tensorflow", ModelKind.TensorFlow, CortexSchema.TensorFlow),
            ("onnx", ModelKind.Onnx, CortexSchema.Onnx),
        ];
        var present = modelKinds.Where(block => api.Has(block.Key)).ToList();
        if (present.Count == 0)
        {
            errors.Add(anchor, api.KeyPath, "missing a model: add a tensorflow: block (a SavedModel) or an onnx: block, each with model: <path>");
        }
        else if (present.Count == 2)
        {
            var later = present.MaxBy(block => api.KeyNode(block.Key)!.Start.Index);
            errors.Add(api.KeyNode(later.Key)!, api.PathOf(later.Key), "give either tensorflow: or onnx:, not both");
        }

        var blocks = new List<(ModelConfig?, MappingReader)>();
        foreach (var (key, kind, schema) in present)
        {
            if (YamlScalars.IsNull(api.ValueNode(key)!))
            {
                errors.Add(api.KeyNode(key)!, $"{api.PathOf(key)}.model", "missing required key 'model'");
                continue;
            }

            if (api.Nested(key, schema) is { } block)
            {
                blocks.Add((ModelBlockReader.Read(block, kind, rootDirectory), block));
            }
        }

        return blocks;
    }

    /// <summary>python_path may sit at the API level (the seed) or in the model block (Cortex v0.10); both must agree.</summary>
    private string ReadPythonPath(MappingReader api, IEnumerable<MappingReader> modelBlocks)
    {
        var apiLevel = ReadFolder(api, "python_path");
        var resolved = apiLevel.IsValid ? apiLevel.Value! : rootDirectory;
        foreach (var block in modelBlocks)
        {
            var blockLevel = ReadFolder(block, "python_path");
            if (!blockLevel.IsValid)
            {
                continue;
            }

            if (apiLevel.IsValid && !string.Equals(apiLevel.Value, blockLevel.Value, StringComparison.Ordinal))
            {
                errors.Add(blockLevel.Node!, block.PathOf("python_path"),
                    $"python_path is also given at the API level (line {apiLevel.Node!.Start.Line}) with a different folder; keep one");
            }
            else if (!apiLevel.IsValid)
            {
                resolved = blockLevel.Value!;
            }
        }

        return resolved;
    }

    /// <returns>The folder as an absolute path.</returns>
    private FieldValue<string> ReadFolder(MappingReader block, string key)
    {
        var folder = block.String(key);
        if (!folder.IsValid)
        {
            return folder;
        }

        var path = folder.Value!;
        var resolved = path.Trim().Length == 0 ? rootDirectory : LocalPaths.Resolve(rootDirectory, path);
        string? problem = null;
        if (LocalPaths.IsUrl(path))
        {
            problem = $"expected a local folder relative to the cortex.yaml folder, got '{path}'";
        }
        else if (File.Exists(resolved))
        {
            problem = $"expected a folder, got the file {resolved}";
        }
        else if (!Directory.Exists(resolved))
        {
            problem = $"folder not found: {resolved}";
        }

        if (problem is null)
        {
            return FieldValue<string>.Valid(resolved, folder.Node!);
        }

        errors.Add(folder.Node!, block.PathOf(key), problem);
        return FieldValue<string>.Invalid(folder.Node!);
    }

    /// <summary>Metadata from the model block and the API level merge; the API level wins on the same key.</summary>
    private Dictionary<string, object?> ReadMetadata(MappingReader api, MappingReader? servedBlock, IEnumerable<MappingReader> modelBlocks)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var block in modelBlocks)
        {
            var blockLevel = ReadMetadataBlock(block);
            if (block == servedBlock)
            {
                foreach (var (key, value) in blockLevel)
                {
                    merged[key] = value;
                }
            }
        }

        foreach (var (key, value) in ReadMetadataBlock(api))
        {
            merged[key] = value;
        }

        return merged;
    }

    private Dictionary<string, object?> ReadMetadataBlock(MappingReader block)
    {
        var metadata = block.Mapping("metadata");
        return metadata.IsValid
            ? MetadataValueConverter.ToDictionary(metadata.Value!, block.PathOf("metadata"), errors)
            : [];
    }
}
