using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Writing;

public sealed class SavedModelWriterTests
{
    [Fact]
    public void A_written_dense_network_loads_restores_its_variables_and_computes_its_formula()
    {
        using var folder = TemporaryCopy.Empty();
        var writer = new SavedModelWriter();
        var x = writer.Graph.Placeholder("x", DataType.DtFloat, [-1, 2]);
        var kernel = writer.Variable("dense/kernel", new Tensor(TensorDataType.Float32, [2, 3], new[] { 1f, 0f, -1f, 0f, 1f, 2f }));
        var bias = writer.Variable("dense/bias", new Tensor(TensorDataType.Float32, [3], new[] { 0.5f, -10f, 0f }));
        writer.Graph.Op("MatMul", "dense/MatMul", DataType.DtFloat, x, kernel);
        writer.Graph.Op("BiasAdd", "dense/BiasAdd", DataType.DtFloat, "dense/MatMul", bias);
        writer.Graph.Op("Relu", "dense/Relu", DataType.DtFloat, "dense/BiasAdd");
        writer.AddSignature(
            "serving_default",
            [new SignatureTensor("features", "x:0", DataType.DtFloat, [-1, 2])],
            [new SignatureTensor("activations", "dense/Relu:0", DataType.DtFloat, [-1, 3])]);

        writer.Write(folder.Path);
        var bundle = SavedModelBundle.Load(folder.Path);
        using var model = TensorFlowModel.Load(folder.Path);
        var result = model.Run(new Dictionary<string, Tensor> { ["features"] = new(TensorDataType.Float32, [2, 2], new[] { 1f, 2f, 3f, -1f }) });

        Assert.Equal(["dense/bias", "dense/kernel"], bundle.Variables.CheckpointKeys.Values.Order());
        // relu([x0, x1, 2*x1 - x0] + [0.5, -10, 0])
        TensorAssert.Equal(new Tensor(TensorDataType.Float32, [2, 3], new[] { 1.5f, 0f, 3f, 3.5f, 0f, 0f }), result["activations"], exact: true);
    }

    [Fact]
    public void A_model_without_variables_has_no_variables_folder()
    {
        using var folder = TemporaryCopy.Empty();
        var writer = new SavedModelWriter();
        writer.Graph.Placeholder("x", DataType.DtInt32, [-1]);
        writer.Graph.Op("Neg", "y", DataType.DtInt32, "x");
        writer.AddSignature("predict", [new SignatureTensor("x", "x:0", DataType.DtInt32, [-1])], [new SignatureTensor("y", "y:0", DataType.DtInt32, [-1])]);

        writer.Write(folder.Path);
        using var model = TensorFlowModel.Load(folder.Path);

        Assert.False(Directory.Exists(Path.Combine(folder.Path, "variables")));
        Assert.Equal("predict", model.Signature.Key);
        Assert.Equal(new[] { -4, 5 }, (int[])model.Run(new Dictionary<string, Tensor> { ["x"] = new(TensorDataType.Int32, [2], new[] { 4, -5 }) })["y"].Data);
    }

    [Fact]
    public void Resource_variables_are_restored_through_assign_variable_op_and_read_by_gather_and_read_variable_op()
    {
        using var folder = TemporaryCopy.Empty();
        var writer = new SavedModelWriter();
        writer.Graph.Placeholder("ids", DataType.DtInt32, [-1]);
        var table = writer.ResourceVariable("embedding", new Tensor(TensorDataType.Float32, [3, 2], new[] { 0f, 0f, 1f, 10f, 2f, 20f }));
        var scale = writer.ResourceVariable("scale", new Tensor(TensorDataType.Float32, [], new[] { 0.5f }));
        writer.Graph.AddNode("ResourceGather", "lookup", [table, "ids"]).Attr["dtype"] = GraphDefBuilder.TypeAttr(DataType.DtFloat);
        writer.Graph.AddNode("ReadVariableOp", "scale/read", [scale]).Attr["dtype"] = GraphDefBuilder.TypeAttr(DataType.DtFloat);
        writer.Graph.Op("Mul", "scaled", DataType.DtFloat, "lookup", "scale/read");
        writer.AddSignature(
            "serving_default",
            [new SignatureTensor("ids", "ids:0", DataType.DtInt32, [-1])],
            [new SignatureTensor("vectors", "scaled:0", DataType.DtFloat, [-1, 2])]);

        writer.Write(folder.Path);
        using var model = TensorFlowModel.Load(folder.Path);
        var result = model.Run(new Dictionary<string, Tensor> { ["ids"] = new(TensorDataType.Int32, [2], new[] { 2, 1 }) })["vectors"];

        TensorAssert.Equal(new Tensor(TensorDataType.Float32, [2, 2], new[] { 1f, 10f, 0.5f, 5f }), result, exact: true);
    }
}
