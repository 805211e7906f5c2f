using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Tests.Fixtures;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

/// <summary>Every numeric signature of the fixtures gives the values their source projects' own tests expect.</summary>
public sealed class ExpectedValuesTests
{
    [FixtureTheory]
    [InlineData("tfserving_half_plus_two_cpu", 0)]
    [InlineData("tfserving_half_plus_two_cpu", 1)]
    [InlineData("tfserving_half_plus_two_tf2_cpu", 0)]
    [InlineData("tfserving_half_plus_two_tf2_cpu", 1)]
    [InlineData("mlnet_string_concat", 0)]
    [InlineData("tfserving_half_plus_three", 0)]
    [InlineData("tfserving_matrix_half_plus_two", 0)]
    [InlineData("tfjs_times_three_float", 0)]
    [InlineData("tfjs_times_two_int", 0)]
    [InlineData("tfjs_module_with_multiple_signatures", 0)]
    [InlineData("tfjs_module_with_multiple_signatures", 1)]
    [InlineData("tfjs_model_multi_output", 0)]
    [InlineData("tfjs_int64_multiply", 0)]
    [InlineData("mlnet_matmul", 0)]
    [InlineData("mlnet_shapes_identity", 0)]
    public void Signature_outputs_match_the_source_projects_expected_values(string fixture, int caseIndex)
    {
        var expected = ExpectedTensorCase.Read(fixture)[caseIndex];
        using var model = TensorFlowModel.Load(FixturePaths.Model(fixture), new ModelLoadOptions { SignatureKey = expected.Signature });
        var outputs = model.Run(expected.Inputs);
        Assert.Equal(expected.Outputs.Keys.Order(), model.Signature.Outputs.Select(o => o.Name).Order());
        foreach (var (name, tensor) in expected.Outputs)
        {
            TensorAssert.Equal(tensor, outputs[name], expected.Exact, Math.Max(expected.Tolerance, 1e-5), $"{fixture} {expected.Signature} {name}");
        }
    }

    [FixtureFact]
    public void A_signature_that_reads_a_variable_directly_returns_its_restored_value()
    {
        using var model = TensorFlowModel.Load(FixturePaths.Model("tfserving_counter"), new ModelLoadOptions { SignatureKey = "get_counter" });

        var output = model.Run(new Dictionary<string, Cortex.Queue.Tensors.Tensor>())["output"];

        Assert.Equal(new[] { 0f }, (float[])output.Data);
        Assert.Empty(output.Shape);
    }
}
