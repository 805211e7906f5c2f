using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.IrisTrainer;

/// <summary>
/// Writes the trained classifier as a TensorFlow SavedModel, laid out as TF1's <c>simple_save</c> would: placeholder
/// <c>input</c> float32 [?, 4] in centimetres; the scaling as constants; the two dense layers' weights as variables
/// restored from <c>variables/</c>; signature <c>serving_default</c> returning <c>probabilities</c> float32 [?, 3] and
/// <c>class_index</c> int64 [?]. The same network as <see cref="IrisOnnxExporter"/>, op for op.
/// </summary>
public static class IrisSavedModelExporter
{
    public const string SignatureKey = "serving_default";

    public static void Export(MlpClassifier model, FeatureScaling scaling, string directory)
    {
        var writer = new SavedModelWriter();
        var graph = writer.Graph;
        var input = graph.Placeholder("input", DataType.DtFloat, [-1, model.Inputs]);
        var mean = graph.Constant("standardize/mean", Vector(scaling.Mean));
        var deviation = graph.Constant("standardize/standard_deviation", Vector(scaling.StandardDeviation));
        graph.Op("Sub", "standardize/sub", DataType.DtFloat, input, mean);
        graph.Op("RealDiv", "standardize/truediv", DataType.DtFloat, "standardize/sub", deviation);

        var hiddenKernel = writer.Variable("hidden/kernel", Matrix(model.W1, model.Inputs, model.Hidden));
        var hiddenBias = writer.Variable("hidden/bias", Vector(model.B1));
        Dense(graph, "hidden", "standardize/truediv", hiddenKernel, hiddenBias);
        graph.Op("Relu", "hidden/Relu", DataType.DtFloat, "hidden/BiasAdd");

        var outputKernel = writer.Variable("output/kernel", Matrix(model.W2, model.Hidden, model.Classes));
        var outputBias = writer.Variable("output/bias", Vector(model.B2));
        Dense(graph, "output", "hidden/Relu", outputKernel, outputBias);
        graph.Op("Softmax", "probabilities", DataType.DtFloat, "output/BiasAdd");

        // Argmax of the probabilities, as in the ONNX export, so class_index always agrees with them.
        var axis = graph.Constant("class_index/dimension", new Tensor(TensorDataType.Int32, [], new[] { 1 }));
        var argMax = graph.Op("ArgMax", "class_index", DataType.DtFloat, "probabilities", axis);
        argMax.Attr["Tidx"] = GraphDefBuilder.TypeAttr(DataType.DtInt32);
        argMax.Attr["output_type"] = GraphDefBuilder.TypeAttr(DataType.DtInt64);

        writer.AddSignature(
            SignatureKey,
            [new SignatureTensor("input", "input:0", DataType.DtFloat, [-1, model.Inputs])],
            [
                new SignatureTensor("class_index", "class_index:0", DataType.DtInt64, [-1]),
                new SignatureTensor("probabilities", "probabilities:0", DataType.DtFloat, [-1, model.Classes]),
            ]);
        if (Directory.Exists(directory))
        {
            // A rewrite must not leave a stale checkpoint shard beside the new one.
            Directory.Delete(directory, recursive: true);
        }
        writer.Write(directory);
    }

    private static void Dense(GraphDefBuilder graph, string scope, string input, string kernel, string bias)
    {
        var matMul = graph.Op("MatMul", scope + "/MatMul", DataType.DtFloat, input, kernel);
        matMul.Attr["transpose_a"] = new AttrValue { B = false };
        matMul.Attr["transpose_b"] = new AttrValue { B = false };
        graph.Op("BiasAdd", scope + "/BiasAdd", DataType.DtFloat, scope + "/MatMul", bias);
    }

    private static Tensor Vector(IReadOnlyList<float> values) => new(TensorDataType.Float32, [values.Count], values.ToArray());

    private static Tensor Vector(double[] values) => new(TensorDataType.Float32, [values.Length], values.Select(v => (float)v).ToArray());

    private static Tensor Matrix(double[] values, int rows, int columns) =>
        new(TensorDataType.Float32, [rows, columns], values.Select(v => (float)v).ToArray());
}
