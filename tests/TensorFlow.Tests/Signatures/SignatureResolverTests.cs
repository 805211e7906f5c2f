using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Signatures;

public sealed class SignatureResolverTests
{
    [FixtureFact]
    public void The_only_signature_is_served_and_the_init_op_entry_does_not_count()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfjs_times_three_float"));
        Assert.Equal("serving_default", SignatureResolver.SelectKey(bundle.MetaGraph, null, bundle.Description));
    }

    [FixtureFact]
    public void Several_signatures_without_predict_is_an_error_listing_every_key()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfjs_module_with_multiple_signatures"));
        var error = Assert.Throws<ModelLoadException>(() => SignatureResolver.SelectKey(bundle.MetaGraph, null, bundle.Description));
        Assert.Contains("'serving_default', 'timestwo'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("__saved_model_init_op", error.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void A_configured_key_that_does_not_exist_is_an_error_listing_every_key()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfjs_module_with_multiple_signatures"));
        var error = Assert.Throws<ModelLoadException>(() => SignatureResolver.SelectKey(bundle.MetaGraph, "wrong_signature", bundle.Description));
        Assert.Contains("'wrong_signature'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'serving_default', 'timestwo'", error.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void A_configured_key_is_served_even_when_predict_exists()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfx_chicago_taxi_estimator"));
        Assert.Equal("regression", SignatureResolver.SelectKey(bundle.MetaGraph, "regression", bundle.Description));
    }

    [FixtureFact]
    public void Predict_is_chosen_among_several_signatures()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfx_chicago_taxi_estimator"));
        Assert.Equal("predict", SignatureResolver.SelectKey(bundle.MetaGraph, null, bundle.Description));
    }

    [FixtureFact]
    public void Tf2_signature_exposes_input_and_output_keys_with_dtypes_and_shapes()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfnet_keras_mnist_dense"));
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, "serving_default", bundle.Graph).ToModelSignature();
        var input = Assert.Single(signature.Inputs);
        Assert.Equal("input_1", input.Name);
        Assert.Equal(TensorDataType.Float32, input.DataType);
        Assert.Equal([-1L, 28, 28, 1], input.Shape);
        var output = Assert.Single(signature.Outputs);
        Assert.Equal("softmax", output.Name);
        Assert.Equal([-1L, 10], output.Shape);
    }

    [FixtureFact]
    public void Reference_typed_outputs_are_served_as_their_plain_type()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfserving_counter"));
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, "get_counter", bundle.Graph);
        Assert.Empty(signature.Inputs);
        Assert.Equal(TensorDataType.Float32, Assert.Single(signature.ToModelSignature().Outputs).DataType);
    }

    [FixtureFact]
    public void An_input_dtype_the_exporter_got_wrong_is_taken_from_the_placeholder()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("tfserving_half_plus_three"));
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, "tensorflow/serving/regress", bundle.Graph);
        Assert.Equal(TensorDataType.String, Assert.Single(signature.ToModelSignature().Inputs).DataType);
    }

    [FixtureFact]
    public void Signature_entries_keep_the_tensors_they_name_even_when_they_look_wrong()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("mlnet_dtypes_identity"));
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, "serving_default", bundle.Graph);
        var u8 = signature.Inputs.Single(i => i.Key == "u8");
        Assert.Equal("i8:0", u8.TensorName);
        Assert.Equal(TensorDataType.Int8, u8.ToTensorSpec().DataType);
        Assert.Equal(11, signature.Inputs.Count);
    }

    [FixtureFact]
    public void Unknown_rank_is_reported_as_such()
    {
        var bundle = SavedModelBundle.Load(FixturePaths.Model("mlnet_string_concat"));
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, "serving_default", bundle.Graph);
        Assert.All(signature.Inputs, i => Assert.Equal("<unknown rank>", i.ShapeText));
    }
}
