using Cortex.Queue.Config.Tests.Support;
using static Cortex.Queue.Config.Tests.Support.Yaml;

namespace Cortex.Queue.Config.Tests;

public sealed class InvalidConfigTests : IDisposable
{
    private readonly TempFolder folder = new();

    /// <summary>Each text has exactly one mistake: (what is wrong, yaml, key path, line, message fragment).</summary>
    public static TheoryData<string, string, string, int, string> InvalidFiles => new()
    {
        { "negative min_replicas", ApiWith("  compute:\n    min_replicas: -1"), "apis[0].compute.min_replicas", 8, "expected an integer >= 0, got -1" },
        { "word for min_replicas", ApiWith("  compute:\n    min_replicas: two"), "apis[0].compute.min_replicas", 8, "expected an integer, got 'two'" },
        { "quoted number for min_replicas", ApiWith("  compute:\n    min_replicas: \"2\""), "apis[0].compute.min_replicas", 8, "expected an integer, got the quoted string '2'" },
        { "fraction for gpu", ApiWith("  compute:\n    gpu: 1.5"), "apis[0].compute.gpu", 8, "expected an integer, got '1.5'" },
        { "list for min_replicas", ApiWith("  compute:\n    min_replicas: [1, 2]"), "apis[0].compute.min_replicas", 8, "expected an integer, got a list" },
        { "zero max_replicas", ApiWith("  compute:\n    max_replicas: 0"), "apis[0].compute.max_replicas", 8, "expected an integer >= 1, got 0" },
        { "min above max", ApiWith("  compute:\n    min_replicas: 5\n    max_replicas: 3"), "apis[0].compute.min_replicas", 8, "min_replicas (5) is greater than max_replicas (3)" },
        { "min above default max", ApiWith("  compute:\n    min_replicas: 200"), "apis[0].compute.min_replicas", 8, "max_replicas (100, the default)" },
        { "init above max", ApiWith("  compute:\n    max_replicas: 5\n    init_replicas: 10"), "apis[0].compute.init_replicas", 9, "between min_replicas (1) and max_replicas (5), got 10" },
        { "init below min", ApiWith("  compute:\n    min_replicas: 3\n    init_replicas: 2"), "apis[0].compute.init_replicas", 9, "between min_replicas (3) and max_replicas (100), got 2" },
        { "zero target cpu", ApiWith("  compute:\n    target_cpu_utilization: 0"), "apis[0].compute.target_cpu_utilization", 8, "expected an integer between 1 and 100, got 0" },
        { "target cpu above 100", ApiWith("  compute:\n    target_cpu_utilization: 101"), "apis[0].compute.target_cpu_utilization", 8, "between 1 and 100, got 101" },
        { "negative gpu", ApiWith("  compute:\n    gpu: -1"), "apis[0].compute.gpu", 8, "expected an integer >= 0, got -1" },
        { "cpu not a quantity", ApiWith("  compute:\n    cpu: lots"), "apis[0].compute.cpu", 8, "expected a CPU quantity such as 1, 0.5 or 500m, got 'lots'" },
        { "zero cpu", ApiWith("  compute:\n    cpu: 0"), "apis[0].compute.cpu", 8, "expected a CPU quantity greater than 0, got '0'" },
        { "mem in MB", ApiWith("  compute:\n    mem: 512MB"), "apis[0].compute.mem", 8, "did you mean '512M' (powers of 1000) or '512Mi' (powers of 1024)?" },
        { "mem in milli", ApiWith("  compute:\n    mem: 500m"), "apis[0].compute.mem", 8, "(m is milli); did you mean '500Mi'?" },
        { "compute as a scalar", ApiWith("  compute: 3"), "apis[0].compute", 7, "expected a mapping (indented 'key: value' lines), got '3'" },
        { "misspelt compute key", ApiWith("  compute:\n    min_replica: 2"), "apis[0].compute.min_replica", 8, "unknown key 'min_replica'; did you mean 'min_replicas'?" },
        { "compute key at the api level", ApiWith("  min_replicas: 2"), "apis[0].min_replicas", 7, "it belongs under compute:" },
        { "signature_key under onnx", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              onnx:
                model: model.onnx
                signature_key: serving_default
            """, "apis[0].onnx.signature_key", 7, "signature_key is TensorFlow-only" },
        { "no model block", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              compute:
                gpu: 1
            """, "apis[0]", 4, "missing a model: add a tensorflow: block" },
        { "versions not a list", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              tensorflow:
                model: model
                versions: latest
            """, "apis[0].tensorflow.versions", 7, "expected a non-empty list of version numbers such as [1, 2], got 'latest'" },
        { "a version listed twice", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              onnx:
                model: model
                versions: [3, 3]
            """, "apis[0].onnx.versions[1]", 7, "version 3 is listed twice" },
        { "both model blocks", ApiWith("  onnx:\n    model: model.onnx"), "apis[0].onnx", 7, "give either tensorflow: or onnx:, not both" },
        { "model block without model", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              tensorflow:
                signature_key: predict
            """, "apis[0].tensorflow.model", 5, "missing required key 'model'" },
        { "empty model block", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              tensorflow:
            """, "apis[0].tensorflow.model", 5, "missing required key 'model'" },
        { "model on an unsupported store", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              tensorflow:
                model: gs://bucket/model
            """, "apis[0].tensorflow.model", 6, "expected a local path or an s3://bucket/prefix URL, got 'gs://bucket/model'" },
        { "s3 model without a bucket", """
            - kind: deployment
              name: shop
            - kind: api
              name: classifier
              tensorflow:
                model: s3://
            """, "apis[0].tensorflow.model", 6, "expected s3://bucket/prefix" },
        { "request handler that does not exist", ApiWith("    request_handler: handlers/missing.cs"), "apis[0].tensorflow.request_handler", 7, "request handler file not found" },
        { "tracker without model_type", ApiWith("  tracker:\n    key: label"), "apis[0].tracker.model_type", 7, "missing required key 'model_type'; expected classification or regression" },
        { "misspelt tracker model_type", ApiWith("  tracker:\n    model_type: clasification"), "apis[0].tracker.model_type", 8, "expected 'classification' or 'regression', got 'clasification'; did you mean 'classification'?" },
        { "zero max_batch_size", ApiWith("  batching:\n    max_batch_size: 0"), "apis[0].batching.max_batch_size", 8, "expected an integer between 1 and 4096, got 0" },
        { "batch_timeout above 10s", ApiWith("  batching:\n    batch_timeout: 11s"), "apis[0].batching.batch_timeout", 8, "at most 10s, got 11s" },
        { "batch_timeout not a duration", ApiWith("  batching:\n    batch_timeout: soon"), "apis[0].batching.batch_timeout", 8, "expected a duration such as 2ms, 1.5s, 30s or 2m, got 'soon'" },
        { "zero timeout", ApiWith("  timeout: 0"), "apis[0].timeout", 7, "expected a duration greater than 0s and at most 10m, got 0" },
        { "timeout above 10 minutes", ApiWith("  timeout: 11m"), "apis[0].timeout", 7, "at most 10m, got 11m" },
        { "zero target_queue_length", ApiWith("  autoscaling:\n    target_queue_length: 0"), "apis[0].autoscaling.target_queue_length", 8, "expected an integer >= 1, got 0" },
        { "endpoint without a leading slash", ApiWith("  endpoint: predict"), "apis[0].endpoint", 7, "expected a path starting with '/', got 'predict'" },
        { "endpoint on a reserved route", ApiWith("  endpoint: /healthz"), "apis[0].endpoint", 7, "'/healthz' is reserved" },
        { "api name with capitals", ApiWith("").Replace("name: classifier", "name: My_API"), "apis[0].name", 4, "expected a name of lowercase letters, digits and '-' that starts with a letter, got 'My_API'" },
        { "api name as a mapping", ApiWith("").Replace("name: classifier", "name: {first: a}"), "apis[0].name", 4, "expected a string, got a mapping" },
        { "deployment without a name", """
            - kind: deployment
            - kind: api
              name: classifier
              tensorflow:
                model: models/mnist
            """, "deployment.name", 1, "missing required key 'name'" },
        { "deployment name with capitals", ApiWith("").Replace("name: shop", "name: Shop"), "deployment.name", 2, "got 'Shop'" },
        { "resource without kind", ApiWith("- name: other\n  tensorflow:\n    model: m"), "resources[2].kind", 7, "missing key 'kind'; expected 'deployment' or 'api'" },
        { "misspelt kind", """
            - kind: deployment
              name: shop
            - kind: apii
              name: classifier
            """, "resources[1].kind", 3, "unknown kind 'apii'; did you mean 'api'?" },
        { "second deployment", ApiWith("- kind: deployment\n  name: other"), "resources[2]", 7, "a second kind: deployment resource (the first is on line 1)" },
        { "no deployment", """
            - kind: api
              name: classifier
              tensorflow:
                model: models/mnist
            """, "resources", 1, "no kind: deployment resource" },
        { "no api", "- kind: deployment\n  name: shop", "resources", 1, "no kind: api resources" },
        { "resource that is a plain string", ApiWith("- classifier"), "resources[2]", 7, "expected a resource (a mapping starting with 'kind:'), got 'classifier'" },
        { "a mapping instead of a list", "kind: deployment\nname: shop", "", 1, "expected a list of resources" },
        { "duplicate key", ApiWith("  compute:\n    min_replicas: 2\n    min_replicas: 3"), "apis[0].compute.min_replicas", 9, "duplicate key 'min_replicas' (first given on line 8)" },
        { "duplicate api name", ApiWith("- kind: api\n  name: classifier\n  endpoint: /other\n  onnx:\n    model: m.onnx"), "apis[1].name", 8, "duplicate API name 'classifier' (first on line 4)" },
        { "duplicate endpoint", ApiWith("- kind: api\n  name: other\n  endpoint: /SHOP/classifier\n  onnx:\n    model: m.onnx"), "apis[1].endpoint", 9, "endpoint '/SHOP/classifier' is already used by API 'classifier'" },
        { "python_path that does not exist", ApiWith("  python_path: src/missing"), "apis[0].python_path", 7, "folder not found" },
        { "metadata as a list", ApiWith("  metadata: [a, b]"), "apis[0].metadata", 7, "expected a mapping" },
        { "YAML syntax error", ApiWith("  compute: [1, 2"), "", 8, "invalid YAML" },
        { "empty file", "# nothing yet\n", "", 1, "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Each_mistake_is_reported_once_at_its_key_path_and_line(string mistake, string yaml, string keyPath, int line, string messageFragment)
    {
        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);

        Assert.False(result.Succeeded, mistake);
        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal(keyPath, error.KeyPath);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(messageFragment, error.Message);
        Assert.Equal(folder.ConfigPath, error.Location.File);
    }

    public void Dispose() => folder.Dispose();
}
