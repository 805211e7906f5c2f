using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.Lowering;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

public sealed class SavedModelConverterTests
{
    [FixtureFact]
    public void Converted_onnx_runs_on_its_own_with_the_signature_keys_as_names()
    {
        var converted = SavedModelConverter.Convert(FixturePaths.Model("tfjs_module_with_multiple_signatures"), "timestwo");

        using var onnx = OnnxModel.FromBytes(converted.OnnxModel, "converted");
        var outputs = onnx.Run(new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Float32, [3], new[] { 1f, 2f, 3f }) });

        Assert.Equal("timestwo", converted.Signature.Key);
        Assert.Equal(new[] { 2f, 4f, 6f }, (float[])outputs["output_0"].Data);
    }
}
