using Cortex.Queue.TensorFlow.Inspection;
using Cortex.Queue.TensorFlow.Tests.Fixtures;

namespace Cortex.Queue.TensorFlow.Tests.Inspection;

public sealed class SavedModelInspectorTests
{
    [FixtureFact]
    public void Report_lists_every_callable_signature_with_inputs_outputs_and_ops()
    {
        var report = new SavedModelInspector().Inspect(FixturePaths.Model("tfserving_half_plus_two_tf2_cpu"));

        Assert.Equal(123, report.Version);
        Assert.Equal("2.14.0", report.TensorFlowVersion);
        Assert.Equal(["serve"], report.ServedTags);
        Assert.Equal(3, report.VariableCount);
        Assert.Equal(
            ["classify_x2_to_y3", "classify_x_to_y", "regress_x2_to_y3", "regress_x_to_y", "regress_x_to_y2", "serving_default"],
            report.Signatures.Select(s => s.Key));
        var serving = report.Signatures.Single(s => s.Key == "serving_default");
        Assert.Equal(new SignatureTensorReport("x", "float32", "DT_FLOAT", "[1]", "serving_default_x:0"), Assert.Single(serving.Inputs));
        Assert.Equal(["AddV2", "Const", "Mul"], serving.Ops.Select(o => o.Op));
        Assert.True(serving.IsServable);
    }

    [FixtureFact]
    public void Ops_without_a_lowering_are_flagged_with_the_nodes_that_use_them()
    {
        var report = new SavedModelInspector().Inspect(FixturePaths.Model("tfx_chicago_taxi_estimator"));
        var regression = report.Signatures.Single(s => s.Key == "regression");
        var lookup = Assert.Single(regression.Ops, o => o.Op == "LookupTableFindV2");
        Assert.False(lookup.Supported);
        Assert.Equal(2, lookup.Nodes.Count);
        Assert.All(lookup.Nodes, n => Assert.Contains("apply_vocab", n, StringComparison.Ordinal));
        Assert.False(regression.IsServable);
    }

    [FixtureFact]
    public void Example_parsing_is_reported_as_a_step_before_onnx_runtime()
    {
        var report = new SavedModelInspector().Inspect(FixturePaths.Model("tfserving_half_plus_two_tf2_cpu"));
        var regress = report.Signatures.Single(s => s.Key == "regress_x_to_y");
        Assert.Equal(["parse tf.Examples of input 'inputs' into x float32 [1]"], regress.HostSteps);
        Assert.True(regress.IsServable);
    }

    [FixtureFact]
    public void The_signature_cortex_would_serve_is_named_or_the_reason_there_is_none()
    {
        var single = new SavedModelInspector().Inspect(FixturePaths.Model("tfjs_times_two_int"));
        Assert.Equal("serving_default", single.DefaultSignature);

        var several = new SavedModelInspector().Inspect(FixturePaths.Model("tfjs_module_with_multiple_signatures"));
        Assert.Null(several.DefaultSignature);
        Assert.Contains("'serving_default', 'timestwo'", several.DefaultSignatureError, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void Text_report_shows_signatures_shapes_and_unsupported_ops()
    {
        var penguin = SavedModelReportFormatter.Format(new SavedModelInspector().Inspect(FixturePaths.Model("tfx_penguin_keras")));
        var strings = SavedModelReportFormatter.Format(new SavedModelInspector().Inspect(FixturePaths.Model("mlnet_strings")));

        Assert.Contains("written by TensorFlow 2.3.1", penguin, StringComparison.Ordinal);
        Assert.Contains("examples: string [-1]  (DT_STRING, tensor serving_default_examples:0)", penguin, StringComparison.Ordinal);
        Assert.Contains("output_0: float32 [-1,3]", penguin, StringComparison.Ordinal);
        Assert.Contains("before ONNX Runtime: parse tf.Examples of input 'examples' into body_mass_g float32 [1]", penguin, StringComparison.Ordinal);
        Assert.Matches(@"MatMul\s+x3\r?\n", penguin);
        Assert.Contains("signature 'serving_default' (method tensorflow/serving/predict)  NOT SERVABLE", strings, StringComparison.Ordinal);
        Assert.Contains("StringSplit  x1  UNSUPPORTED: StringSplit", strings, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void Inspecting_reads_no_variable_values()
    {
        using var copy = TemporaryCopy.Of(FixturePaths.Model("mlnet_mnist_conv"));
        File.WriteAllBytes(Path.Combine(copy.Path, "variables", "variables.data-00000-of-00001"), []);

        var report = new SavedModelInspector().Inspect(copy.Path);

        Assert.True(Assert.Single(report.Signatures).IsServable);
    }
}
