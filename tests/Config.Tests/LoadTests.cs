using Cortex.Queue.Config.Tests.Support;
using static Cortex.Queue.Config.Tests.Support.Yaml;

namespace Cortex.Queue.Config.Tests;

public sealed class LoadTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Load_given_a_folder_reads_the_cortex_yaml_inside_it()
    {
        folder.WriteFile("cortex.yaml", MinimalApi);

        var result = CortexConfigLoader.Load(folder.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(folder.ConfigPath, result.Config!.FilePath);
        Assert.Equal("/shop/classifier", result.Config.Apis[0].Endpoint);
    }

    [Fact]
    public void Load_given_the_file_reads_it()
    {
        var path = folder.WriteFile("configs/prod.yaml", MinimalApi);

        var result = CortexConfigLoader.Load(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(folder.Combine("configs"), result.Config!.Apis[0].PythonPath);
    }

    [Fact]
    public void A_folder_without_cortex_yaml_is_an_error_naming_the_folder()
    {
        var error = Assert.Single(CortexConfigLoader.Load(folder.Path).Errors);

        Assert.Contains($"no cortex.yaml in the folder {folder.Path}", error.Message);
        Assert.Equal(0, error.Location.Line);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_the_path()
    {
        var missing = folder.Combine("nope.yaml");

        var error = Assert.Single(CortexConfigLoader.Load(missing).Errors);

        Assert.Equal($"file not found: {missing}", error.Message);
        Assert.Equal(missing, error.Location.File);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        folder.WriteFile("cortex.yaml", "");

        var error = Assert.Single(CortexConfigLoader.Load(folder.Path).Errors);

        Assert.Contains("the file is empty", error.Message);
    }

    [Fact]
    public void Every_error_in_the_file_is_reported_together_in_file_order()
    {
        var yaml = """
            - kind: deployment
              name: Shop
            - kind: api
              name: classifier
              tensorflow:
                model: models/mnist
              compute:
                min_replicas: two
                max_replica: 3
              batching:
                max_batch_size: 0
            - kind: api
              name: classifier
              onnx:
                model: m.onnx
              timeout: forever
            - kind: apu
            """;

        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);

        Assert.Null(result.Config);
        Assert.Equal(
            [
                ("deployment.name", 2),
                ("apis[0].compute.min_replicas", 8),
                ("apis[0].compute.max_replica", 9),
                ("apis[0].batching.max_batch_size", 11),
                ("apis[1].name", 13),
                ("apis[1].timeout", 16),
                ("resources[3].kind", 17),
            ],
            result.Errors.Select(e => (e.KeyPath, e.Location.Line)));
    }

    [Fact]
    public void Errors_carry_the_file_line_and_one_based_column_of_the_offending_value()
    {
        var error = Assert.Single(CortexConfigLoader.LoadText(ApiWith("  compute:\n    gpu: many"), folder.ConfigPath).Errors);

        Assert.Equal(new SourceLocation(folder.ConfigPath, 8, 10), error.Location);
        Assert.Equal($"{folder.ConfigPath}:8:10: apis[0].compute.gpu: expected an integer, got 'many'", error.ToString());
    }

    [Fact]
    public void A_yaml_syntax_error_reports_the_parser_position_and_message()
    {
        var error = Assert.Single(CortexConfigLoader.LoadText("- kind: deployment\n  name: a: b\n", folder.ConfigPath).Errors);

        Assert.Equal(2, error.Location.Line);
        Assert.Equal(10, error.Location.Column);
        Assert.StartsWith("invalid YAML: ", error.Message);
    }

    [Fact]
    public void Two_yaml_documents_are_an_error_at_the_second()
    {
        var result = CortexConfigLoader.LoadText(MinimalApi + "\n---\n- kind: api\n", folder.ConfigPath);

        var error = Assert.Single(result.Errors);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("expected one YAML document, found 2", error.Message);
    }

    [Fact]
    public void Duplicate_keys_anywhere_are_all_reported_and_the_rest_is_still_checked()
    {
        var yaml = ApiWith("""
              compute:
                gpu: 1
                gpu: 2
              metadata:
                a: 1
                a: 2
              timeout: never
            """);

        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);

        Assert.Equal(
            [("apis[0].compute.gpu", 9), ("apis[0].metadata.a", 12), ("apis[0].timeout", 13)],
            result.Errors.Select(e => (e.KeyPath, e.Location.Line)));
    }

    [Fact]
    public void LoadOrThrow_lists_every_error_in_the_exception()
    {
        folder.WriteFile("cortex.yaml", ApiWith("  compute:\n    gpu: -1\n    cpu: 0"));

        var exception = Assert.Throws<ConfigException>(() => CortexConfigLoader.LoadOrThrow(folder.Path));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains("apis[0].compute.gpu", exception.Message);
        Assert.Contains("apis[0].compute.cpu", exception.Message);
    }

    [Fact]
    public void Api_and_model_locations_point_at_the_name_and_the_model_values()
    {
        var api = CortexConfigLoader.LoadText(MinimalApi, folder.ConfigPath).Config!.Apis[0];

        Assert.Equal(new SourceLocation(folder.ConfigPath, 4, 9), api.Location);
        Assert.Equal(new SourceLocation(folder.ConfigPath, 6, 12), api.Model.Location);
    }

    public void Dispose() => folder.Dispose();
}
