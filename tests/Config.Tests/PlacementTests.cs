using Cortex.Queue.Config.Tests.Support;

namespace Cortex.Queue.Config.Tests;

/// <summary>python_path and metadata are accepted at the API level (the seed) and under the model block (Cortex v0.10).</summary>
public sealed class PlacementTests : IDisposable
{
    private readonly TempFolder folder = new();

    private ApiConfig LoadSingleApi(string apiLines)
    {
        var yaml = "- kind: deployment\n  name: shop\n- kind: api\n  name: classifier\n" + apiLines;
        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Assert.Single(result.Config!.Apis);
    }

    [Fact]
    public void Python_path_at_the_api_level_resolves_against_the_cortex_yaml_folder()
    {
        var handlers = folder.CreateFolder("handlers");

        var api = LoadSingleApi("  python_path: handlers\n  tensorflow:\n    model: m\n");

        Assert.Equal(handlers, api.PythonPath);
        Assert.True(api.IsGiven("python_path"));
    }

    [Fact]
    public void Python_path_under_tensorflow_is_accepted_too()
    {
        var handlers = folder.CreateFolder("src/handlers");

        var api = LoadSingleApi("  tensorflow:\n    model: m\n    python_path: src/handlers\n");

        Assert.Equal(handlers, api.PythonPath);
        Assert.True(api.IsGiven("python_path"));
        Assert.True(api.IsGiven("tensorflow.python_path"));
    }

    [Fact]
    public void Python_path_given_at_both_placements_must_name_the_same_folder()
    {
        folder.CreateFolder("a");
        folder.CreateFolder("b");
        var yaml = "- kind: deployment\n  name: shop\n- kind: api\n  name: classifier\n  python_path: a\n  tensorflow:\n    model: m\n    python_path: b\n";

        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);

        var error = Assert.Single(result.Errors);
        Assert.Equal("apis[0].tensorflow.python_path", error.KeyPath);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("also given at the API level (line 5)", error.Message);
    }

    [Fact]
    public void Python_path_given_at_both_placements_as_the_same_folder_is_fine()
    {
        var shared = folder.CreateFolder("shared");

        var api = LoadSingleApi("  python_path: shared\n  onnx:\n    model: m.onnx\n    python_path: ./shared\n");

        Assert.Equal(shared, api.PythonPath);
    }

    [Fact]
    public void Python_path_that_is_a_file_is_rejected()
    {
        folder.WriteFile("handler.cs", "// handler");
        var yaml = "- kind: deployment\n  name: shop\n- kind: api\n  name: classifier\n  python_path: handler.cs\n  tensorflow:\n    model: m\n";

        var error = Assert.Single(CortexConfigLoader.LoadText(yaml, folder.ConfigPath).Errors);

        Assert.Equal("apis[0].python_path", error.KeyPath);
        Assert.Contains("expected a folder, got the file", error.Message);
    }

    [Fact]
    public void Metadata_at_the_api_level_is_read_with_yaml_types()
    {
        var api = LoadSingleApi("""
              tensorflow:
                model: m
              metadata:
                threshold: 0.5
                top_k: 3
                verbose: true
                label: "7"
                labels: [cat, dog]
                nothing: ~
                nested: {a: b}

            """);

        Assert.Equal(0.5, api.Metadata["threshold"]);
        Assert.Equal(3L, api.Metadata["top_k"]);
        Assert.Equal(true, api.Metadata["verbose"]);
        Assert.Equal("7", api.Metadata["label"]);
        Assert.Equal(new List<object?> { "cat", "dog" }, api.Metadata["labels"]);
        Assert.Null(api.Metadata["nothing"]);
        Assert.Equal(new Dictionary<string, object?> { ["a"] = "b" }, api.Metadata["nested"]);
    }

    [Fact]
    public void Metadata_under_tensorflow_is_accepted_too()
    {
        var api = LoadSingleApi("  tensorflow:\n    model: m\n    metadata:\n      classes: 10\n");

        Assert.Equal(10L, api.Metadata["classes"]);
        Assert.True(api.IsGiven("metadata"));
    }

    [Fact]
    public void Metadata_from_both_placements_merges_and_the_api_level_wins_on_the_same_key()
    {
        var api = LoadSingleApi("""
              metadata:
                shared: api-level
                only_api: 1
              onnx:
                model: m.onnx
                metadata:
                  shared: model-level
                  only_model: 2

            """);

        Assert.Equal(3, api.Metadata.Count);
        Assert.Equal("api-level", api.Metadata["shared"]);
        Assert.Equal(1L, api.Metadata["only_api"]);
        Assert.Equal(2L, api.Metadata["only_model"]);
    }

    public void Dispose() => folder.Dispose();
}
