using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.TensorFlow.Variables;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Variables;

public sealed class TensorBundleReaderTests
{
    [FixtureTheory]
    [InlineData("tfserving_half_plus_two_cpu/00000123", "a", 0.5f)]
    [InlineData("tfserving_half_plus_two_cpu/00000123", "a2", 0.5f)]
    [InlineData("tfserving_half_plus_two_cpu/00000123", "b", 2f)]
    [InlineData("tfserving_half_plus_two_cpu/00000123", "c2", 3f)]
    [InlineData("tfserving_half_plus_two_tf2_cpu/00000123", "a/.ATTRIBUTES/VARIABLE_VALUE", 0.5f)]
    [InlineData("tfserving_half_plus_two_tf2_cpu/00000123", "c/.ATTRIBUTES/VARIABLE_VALUE", 3f)]
    [InlineData("tfserving_half_plus_three/00000123", "b", 3f)]
    [InlineData("tfserving_counter/00000123", "counter", 0f)]
    [InlineData("tfjs_times_three_float", "v/.ATTRIBUTES/VARIABLE_VALUE", 3f)]
    [InlineData("tfjs_module_with_multiple_signatures", "two/.ATTRIBUTES/VARIABLE_VALUE", 2f)]
    public void Float_scalar_variables_have_the_values_recorded_in_provenance(string savedModel, string key, float expected)
    {
        var bundle = OpenBundle(savedModel);
        var tensor = bundle.ReadTensor(key);
        Assert.Equal(TensorDataType.Float32, tensor.DataType);
        Assert.Empty(tensor.Shape);
        Assert.Equal(expected, ((float[])tensor.Data)[0]);
    }

    [FixtureFact]
    public void Integer_variables_keep_their_integer_types()
    {
        var int64 = OpenBundle("tfjs_int64_multiply");
        Assert.Equal(new long[] { 3 }, (long[])int64.ReadTensor("v1/.ATTRIBUTES/VARIABLE_VALUE").Data);
        Assert.Equal(new long[] { 2 }, (long[])int64.ReadTensor("v2/.ATTRIBUTES/VARIABLE_VALUE").Data);

        var int32 = OpenBundle("tfjs_times_two_int").ReadTensor("v/.ATTRIBUTES/VARIABLE_VALUE");
        Assert.Equal(TensorDataType.Int32, int32.DataType);
        Assert.Equal(new[] { 2 }, (int[])int32.Data);
    }

    [FixtureFact]
    public void Tf2_checkpoints_hold_int32_int64_and_optimizer_values_under_object_graph_keys()
    {
        var multiOutput = OpenBundle("tfjs_model_multi_output");
        Assert.Equal(new[] { 2 }, (int[])multiOutput.ReadTensor("two/.ATTRIBUTES/VARIABLE_VALUE").Data);
        Assert.Equal(new[] { 3f }, (float[])multiOutput.ReadTensor("v/.ATTRIBUTES/VARIABLE_VALUE").Data);

        var penguin = OpenBundle("tfx_penguin_keras");
        Assert.Equal(new[] { 99L }, (long[])penguin.ReadTensor("optimizer/iter/.ATTRIBUTES/VARIABLE_VALUE").Data);
        Assert.Equal(0.9f, ((float[])penguin.ReadTensor("optimizer/beta_1/.ATTRIBUTES/VARIABLE_VALUE").Data)[0]);
        Assert.Equal(new[] { 0.191472f, 0.219154f, -0.463814f }, ((float[])penguin.ReadTensor("layer_with_weights-2/bias/.ATTRIBUTES/VARIABLE_VALUE").Data).Select(v => MathF.Round(v, 6)));
    }

    [FixtureFact]
    public void Snappy_compressed_index_lists_every_variable_in_key_order()
    {
        var bundle = OpenBundle("tfserving_half_plus_two_cpu/00000123");
        Assert.Equal(["a", "a2", "b", "c", "c2"], bundle.Keys.ToArray());
        Assert.Equal(1, bundle.Header.NumShards);
    }

    [FixtureFact]
    public void Convolution_kernels_and_biases_of_the_mnist_cnn_have_their_shapes_and_values()
    {
        var bundle = OpenBundle("mlnet_mnist_conv");
        var kernel = bundle.ReadTensor("Variable");
        Assert.Equal(new long[] { 6, 6, 1, 6 }, kernel.Shape);
        Assert.Equal(-1.65484f, ((float[])kernel.Data)[0], 0.00001f);
        var bias = (float[])bundle.ReadTensor("Variable_1").Data;
        Assert.Equal(new[] { -0.374893f, 0.172663f, 1.050948f, 0.196968f, -0.219629f, 0.524258f }, bias.Select(v => MathF.Round(v, 6)));
        Assert.Equal(new long[] { 1176, 200 }, bundle.ReadTensor("Variable_6").Shape);
    }

    [FixtureFact]
    public void Keras_dense_weights_are_bit_identical_to_the_numpy_files_the_source_test_compares()
    {
        var model = FixturePaths.Model("tfnet_keras_mnist_dense");
        var bundle = TensorBundleReader.OpenSavedModelVariables(model)!;
        var (kernelShape, kernelValues) = NpyReader.ReadFloat32(Path.Combine(model, "expected", "kernel1.npy"));
        var kernel = bundle.ReadTensor("layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE");
        Assert.Equal(kernelShape, kernel.Shape);
        Assert.Equal(kernelValues, (float[])kernel.Data);
        var (_, biasValues) = NpyReader.ReadFloat32(Path.Combine(model, "expected", "bias0.npy"));
        Assert.Equal(biasValues, (float[])bundle.ReadTensor("layer_with_weights-0/bias/.ATTRIBUTES/VARIABLE_VALUE").Data);
    }

    [FixtureFact]
    public void Tf2_checkpoint_object_graph_is_a_string_tensor_that_parses_as_a_trackable_object_graph()
    {
        var bundle = OpenBundle("tfserving_half_plus_two_tf2_cpu/00000123");
        var serialized = Assert.Single(bundle.ReadStrings(TensorBundleReader.ObjectGraphKey));
        var graph = TrackableObjectGraph.Parser.ParseFrom(serialized);
        Assert.Equal(24, graph.Nodes.Count);
        var keys = graph.Nodes.SelectMany(n => n.Attributes).Select(a => a.CheckpointKey).Order().ToArray();
        Assert.Equal(["a/.ATTRIBUTES/VARIABLE_VALUE", "b/.ATTRIBUTES/VARIABLE_VALUE", "c/.ATTRIBUTES/VARIABLE_VALUE"], keys);
    }

    [FixtureFact]
    public void Estimator_checkpoint_reads_every_tensor_including_int64_global_step()
    {
        var bundle = OpenBundle("tfx_chicago_taxi_estimator/1646034756");
        foreach (var key in bundle.Keys)
        {
            Assert.NotNull(bundle.ReadTensor(key));
        }
        Assert.Equal(new long[] { 1000 }, (long[])bundle.ReadTensor("global_step").Data);
    }

    [FixtureFact]
    public void Saved_model_without_a_variables_folder_has_no_bundle()
    {
        Assert.Null(TensorBundleReader.OpenSavedModelVariables(FixturePaths.Model("tfserving_matrix_half_plus_two/1")));
        Assert.Null(TensorBundleReader.OpenSavedModelVariables(FixturePaths.Model("mlnet_matmul")));
    }

    [FixtureFact]
    public void A_flipped_byte_in_a_data_file_is_reported_as_a_checksum_mismatch_naming_the_tensor()
    {
        using var copy = TemporaryCopy.Of(FixturePaths.Model("mlnet_mnist_conv"));
        var dataFile = Path.Combine(copy.Path, "variables", "variables.data-00000-of-00001");
        FlipByte(dataFile, 1728 + 5); // inside Variable_1 (offset 1728, 24 bytes)
        var bundle = TensorBundleReader.OpenSavedModelVariables(copy.Path)!;
        Assert.NotNull(bundle.ReadTensor("Variable"));
        var error = Assert.Throws<InvalidDataException>(() => bundle.ReadTensor("Variable_1"));
        Assert.Contains("Variable_1", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC32C", error.Message, StringComparison.Ordinal);
    }

    [FixtureTheory]
    [InlineData("tfserving_half_plus_two_cpu/00000123")]
    [InlineData("tfjs_times_two_int")]
    public void A_flipped_byte_in_an_index_block_is_reported_as_a_corrupt_block(string savedModel)
    {
        using var copy = TemporaryCopy.Of(FixturePaths.Model(savedModel));
        FlipByte(Path.Combine(copy.Path, "variables", "variables.index"), 3);
        var error = Assert.Throws<InvalidDataException>(() => TensorBundleReader.OpenSavedModelVariables(copy.Path));
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void A_file_that_is_not_a_table_is_rejected_by_its_footer_magic()
    {
        using var copy = TemporaryCopy.Of(FixturePaths.Model("tfjs_times_two_int"));
        var index = Path.Combine(copy.Path, "variables", "variables.index");
        FlipByte(index, new FileInfo(index).Length - 1);
        var error = Assert.Throws<InvalidDataException>(() => TensorBundleReader.OpenSavedModelVariables(copy.Path));
        Assert.Contains("not a LevelDB table", error.Message, StringComparison.Ordinal);
    }

    private static TensorBundleReader OpenBundle(string savedModel) =>
        TensorBundleReader.OpenSavedModelVariables(FixturePaths.Model(savedModel))
        ?? throw new InvalidOperationException($"{savedModel} has no variables");

    private static void FlipByte(string path, long offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x40;
        File.WriteAllBytes(path, bytes);
    }
}
