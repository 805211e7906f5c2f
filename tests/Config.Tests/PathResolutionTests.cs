using Cortex.Queue.Config.Tests.Support;

namespace Cortex.Queue.Config.Tests;

public sealed class PathResolutionTests : IDisposable
{
    private readonly TempFolder folder = new();

    private ModelConfig LoadModel(string modelLines)
    {
        var yaml = "- kind: deployment\n  name: shop\n- kind: api\n  name: classifier\n  tensorflow:\n" + modelLines;
        var result = CortexConfigLoader.LoadText(yaml, folder.ConfigPath);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Config!.Apis[0].Model;
    }

    [Fact]
    public void A_relative_model_path_resolves_against_the_cortex_yaml_folder_and_need_not_exist_yet()
    {
        var model = LoadModel("    model: models/../models/mnist\n");

        Assert.Equal("models/../models/mnist", model.Path);
        Assert.Equal(folder.Combine("models/mnist"), model.ResolvedPath);
        Assert.False(model.IsS3);
    }

    [Fact]
    public void An_absolute_model_path_is_kept()
    {
        var model = LoadModel("    model: /opt/models/mnist\n");

        Assert.Equal("/opt/models/mnist", model.ResolvedPath);
    }

    [Fact]
    public void An_s3_model_url_is_kept_unchanged()
    {
        var model = LoadModel("    model: s3://my-bucket/exported_model\n");

        Assert.True(model.IsS3);
        Assert.Equal("s3://my-bucket/exported_model", model.ResolvedPath);
    }

    [Fact]
    public void An_existing_request_handler_is_resolved_against_the_cortex_yaml_folder()
    {
        var handler = folder.WriteFile("handlers/mnist.cs", "// handler");

        var model = LoadModel("    model: m\n    request_handler: handlers/mnist.cs\n    signature_key: predict_images\n");

        Assert.Equal("handlers/mnist.cs", model.RequestHandler);
        Assert.Equal(handler, model.RequestHandlerPath);
        Assert.Equal("predict_images", model.SignatureKey);
    }

    [Fact]
    public void A_request_handler_that_is_a_folder_is_rejected()
    {
        folder.CreateFolder("handlers");
        var yaml = "- kind: deployment\n  name: shop\n- kind: api\n  name: classifier\n  tensorflow:\n    model: m\n    request_handler: handlers\n";

        var error = Assert.Single(CortexConfigLoader.LoadText(yaml, folder.ConfigPath).Errors);

        Assert.Equal("apis[0].tensorflow.request_handler", error.KeyPath);
        Assert.Contains("expected a file, got the folder", error.Message);
    }

    [Fact]
    public void A_built_handler_named_with_its_class_needs_only_the_dll_to_exist()
    {
        var dll = folder.WriteFile("handlers/iris.dll", "not really an assembly: only its existence is checked here");

        var model = LoadModel("    model: m\n    request_handler: handlers/iris.dll:Acme.Iris.Labels\n");

        Assert.Equal("handlers/iris.dll:Acme.Iris.Labels", model.RequestHandler);
        Assert.Equal(dll + ":Acme.Iris.Labels", model.RequestHandlerPath);
        Assert.Equal(7, model.RequestHandlerLocation?.Line);
    }

    [Fact]
    public void A_built_handler_whose_dll_is_missing_is_reported_without_the_class_name()
    {
        var yaml = "- kind: deployment\n  name: shop\n- kind: api\n  name: classifier\n  tensorflow:\n    model: m\n    request_handler: iris.dll:Acme.Iris.Labels\n";

        var error = Assert.Single(CortexConfigLoader.LoadText(yaml, folder.ConfigPath).Errors);

        Assert.Equal($"request handler file not found: {folder.Combine("iris.dll")}", error.Message);
    }

    public void Dispose() => folder.Dispose();
}
