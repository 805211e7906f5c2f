using Cortex.Queue.Cli.Embedded;
using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>TF Serving's REST API answered through the queue.</summary>
public sealed class TfServingApiTests
{
    [RabbitMqFact]
    public async Task Predict_with_instances_returns_predictions_and_with_inputs_returns_outputs()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var rows = await HttpJson.PostAsync(running.Http, $"/v1/models/{api}:predict", """{"instances": [{"x": [1, 1, 1]}, {"x": [2, 2, 2]}]}""");
        var columns = await HttpJson.PostAsync(running.Http, $"/v1/models/{api}/versions/1:predict", """{"inputs": {"x": [[1, 1, 1], [2, 2, 2]]}}""");

        Assert.Equal(200, rows.Status);
        var predictions = rows.Json!["predictions"]!.AsArray();
        Assert.Equal(2, predictions.Count);
        Assert.Equal(9f, predictions[0]!["total"]!.GetValue<float>());
        Assert.Equal(15f, predictions[1]!["total"]!.GetValue<float>());
        Assert.Equal(200, columns.Status);
        Assert.Equal([9f, 15f], HttpJson.Floats(columns.Json!["outputs"]!["total"]));
    }

    [RabbitMqFact]
    public async Task Model_status_and_metadata_follow_TF_Servings_shapes()
    {
        var api = TestDeployment.UniqueName("affine");
        using var deployment = TestDeployment.SingleApi(api, TestModels.WriteAffine);
        await using var running = await RunningDeployment.StartAsync(deployment.Config, new EmbeddedHostOptions { RabbitMq = TestEnvironment.RabbitMqUrl });

        var status = await HttpJson.GetAsync(running.Http, $"/v1/models/{api}");
        var metadata = await HttpJson.GetAsync(running.Http, $"/v1/models/{api}/metadata");
        var unknown = await HttpJson.GetAsync(running.Http, "/v1/models/nope");

        Assert.Equal("AVAILABLE", status.Json!["model_version_status"]![0]!["state"]!.GetValue<string>());
        var signature = metadata.Json!["metadata"]!["signature_def"]!["signature_def"]!["serving_default"]!;
        Assert.Equal("DT_FLOAT", signature["inputs"]!["x"]!["dtype"]!.GetValue<string>());
        Assert.Equal("-1", signature["inputs"]!["x"]!["tensor_shape"]!["dim"]![0]!["size"]!.GetValue<string>());
        Assert.Equal(404, unknown.Status);
    }
}
