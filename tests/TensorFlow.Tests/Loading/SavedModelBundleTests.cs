using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Tests.Fixtures;

namespace Cortex.Queue.TensorFlow.Tests.Loading;

public sealed class SavedModelBundleTests
{
    [FixtureFact]
    public void Tf1_variables_are_bound_to_checkpoint_keys_through_the_restore_op()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfserving_half_plus_two_cpu"));
        Assert.Equal(123, bundle.Location.Version);
        Assert.Equal("1.14.0", bundle.TensorFlowVersion);
        Assert.Equal(["a", "a2", "b", "c", "c2"], bundle.Variables.CheckpointKeys.Values.Order().ToArray());
        Assert.Equal(0.5f, ((float[])bundle.Variables.ReadValue("a").Data)[0]);
        Assert.Equal(2f, ((float[])bundle.Variables.ReadValue("b").Data)[0]);
    }

    [FixtureFact]
    public void Tf2_resource_variables_are_bound_through_the_restore_function_to_object_graph_keys()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfserving_half_plus_two_tf2_cpu"));
        Assert.Equal(
            ["a/.ATTRIBUTES/VARIABLE_VALUE", "b/.ATTRIBUTES/VARIABLE_VALUE", "c/.ATTRIBUTES/VARIABLE_VALUE"],
            bundle.Variables.CheckpointKeys.Values.Order().ToArray());
        foreach (var variable in bundle.Variables.CheckpointKeys.Keys)
        {
            Assert.Equal("VarHandleOp", bundle.Graph.Get(variable).Op);
        }
    }

    [FixtureTheory]
    [InlineData("tfjs_times_three_float", 1)]
    [InlineData("tfjs_int64_multiply", 2)]
    [InlineData("tfnet_keras_mnist_dense", 8)]
    [InlineData("tfx_penguin_keras", 27)]
    [InlineData("mlnet_mnist_conv", 20)]
    [InlineData("tfserving_half_plus_three", 3)]
    [InlineData("tfserving_counter", 1)]
    [InlineData("tfx_chicago_taxi_estimator", 21)]
    public void Every_checkpointed_variable_is_bound(string fixture, int expectedVariables)
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model(fixture));
        Assert.Equal(expectedVariables, bundle.Variables.CheckpointKeys.Count);
        foreach (var variable in bundle.Variables.CheckpointKeys.Keys)
        {
            Assert.NotNull(bundle.Variables.ReadValue(variable));
        }
    }

    [FixtureTheory]
    [InlineData("tfserving_matrix_half_plus_two", 1L)]
    [InlineData("mlnet_matmul", null)]
    [InlineData("mlnet_shapes_identity", null)]
    public void Models_without_a_variables_folder_load_with_no_bindings(string fixture, long? version)
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model(fixture));
        Assert.Equal(version, bundle.Location.Version);
        Assert.Empty(bundle.Variables.CheckpointKeys);
    }

    [FixtureFact]
    public void A_timestamp_version_folder_is_picked_as_the_highest_version()
    {
        var location = SavedModelLocator.Resolve(FixturePaths.Model("tfx_chicago_taxi_estimator"));
        Assert.Equal(1646034756, location.Version);
    }

    [Fact]
    public void A_folder_without_a_saved_model_is_a_load_error_that_says_what_was_expected()
    {
        using var empty = TemporaryCopy.Empty();
        var error = Assert.Throws<ModelLoadException>(() => SavedModelLocator.Resolve(empty.Path));
        Assert.Contains("saved_model.pb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_saved_model_file_is_a_load_error_naming_the_file()
    {
        using var folder = TemporaryCopy.Empty();
        File.WriteAllBytes(Path.Combine(folder.Path, "saved_model.pb"), [0x0A, 0xFF, 0xFF, 0x01]);
        var error = Assert.Throws<ModelLoadException>(() => SavedModelBundle.Load(folder.Path));
        Assert.Contains("saved_model.pb", error.Message, StringComparison.Ordinal);
    }
}
