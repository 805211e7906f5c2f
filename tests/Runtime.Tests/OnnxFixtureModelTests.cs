using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

public sealed class OnnxFixtureModelTests
{
    [FixtureFact]
    public void LeNet_fixture_reports_an_nchw_input_and_logits_with_a_dynamic_batch_axis()
    {
        using var model = OnnxModel.Load(FixtureModels.LeNetPath);

        Assert.Equal("serving_default", model.Signature.Key);
        var input = Assert.Single(model.Signature.Inputs);
        SpecAssert.Matches(input, "input", TensorDataType.Float32, -1, 1, 28, 28);
        Assert.True(input.HasDynamicBatchAxis);
        SpecAssert.Matches(Assert.Single(model.Signature.Outputs), "output", TensorDataType.Float32, -1, 10);
    }

    [FixtureFact]
    public void Keras_fixture_reports_a_flat_input_and_probabilities_with_a_dynamic_batch_axis()
    {
        using var model = OnnxModel.Load(FixtureModels.KerasMlpPath);

        Assert.Equal("serving_default", model.Signature.Key);
        SpecAssert.Matches(Assert.Single(model.Signature.Inputs), "input_layer", TensorDataType.Float32, -1, 784);
        SpecAssert.Matches(Assert.Single(model.Signature.Outputs), "output_0", TensorDataType.Float32, -1, 10);
    }
}
