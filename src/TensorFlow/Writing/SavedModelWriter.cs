using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>
/// Writes a TF1-style SavedModel, the way <c>tf.compat.v1.saved_model.simple_save</c> lays one out: a "serve"
/// MetaGraph whose SignatureDefs name graph tensors, VariableV2 variables, a saver subgraph
/// (<c>save/RestoreV2</c> → <c>save/Assign_i</c> → <c>save/restore_all</c>) and the variables checkpoint. What it writes
/// loads like a SavedModel TensorFlow wrote; tests and examples use it to ship models without TensorFlow.
/// </summary>
public sealed class SavedModelWriter
{
    private readonly List<(string Name, Tensor Value, bool IsResource)> _variables = [];
    private readonly Dictionary<string, SignatureDef> _signatures = new(StringComparer.Ordinal);

    public GraphDefBuilder Graph { get; } = new();

    /// <summary>Adds variable <paramref name="name"/> holding <paramref name="value"/>; returns the tensor to read it by ("name/read").</summary>
    public string Variable(string name, Tensor value)
    {
        var type = TensorFlowDataTypes.ToTensorFlow(value.DataType);
        var variable = Graph.AddNode("VariableV2", name, []);
        variable.Attr["dtype"] = GraphDefBuilder.TypeAttr(type);
        variable.Attr["shape"] = new AttrValue { Shape = TensorShapes.FromDimensions(value.Shape) };
        variable.Attr["container"] = GraphDefBuilder.StringAttr(string.Empty);
        variable.Attr["shared_name"] = GraphDefBuilder.StringAttr(string.Empty);
        Graph.Op("Identity", name + "/read", type, name);
        _variables.Add((name, value, false));
        return name + "/read";
    }

    /// <summary>
    /// Adds resource variable <paramref name="name"/> (a VarHandleOp, as TF2 and Keras create); returns the handle,
    /// which graphs read through ReadVariableOp or ResourceGather.
    /// </summary>
    public string ResourceVariable(string name, Tensor value)
    {
        var handle = Graph.AddNode("VarHandleOp", name, []);
        handle.Attr["dtype"] = GraphDefBuilder.TypeAttr(TensorFlowDataTypes.ToTensorFlow(value.DataType));
        handle.Attr["shape"] = new AttrValue { Shape = TensorShapes.FromDimensions(value.Shape) };
        handle.Attr["container"] = GraphDefBuilder.StringAttr(string.Empty);
        handle.Attr["shared_name"] = GraphDefBuilder.StringAttr(name);
        _variables.Add((name, value, true));
        return name;
    }

    /// <summary>Declares a signature whose inputs and outputs name graph tensors ("x:0").</summary>
    public void AddSignature(string key, IEnumerable<SignatureTensor> inputs, IEnumerable<SignatureTensor> outputs, string methodName = "tensorflow/serving/predict")
    {
        var signature = new SignatureDef { MethodName = methodName };
        foreach (var input in inputs)
        {
            signature.Inputs[input.Key] = Info(input);
        }
        foreach (var output in outputs)
        {
            signature.Outputs[output.Key] = Info(output);
        }
        _signatures[key] = signature;
    }

    /// <summary>Writes <c>saved_model.pb</c> and, when there are variables, <c>variables/</c> into <paramref name="directory"/>.</summary>
    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var metaGraph = new MetaGraphDef
        {
            MetaInfoDef = new MetaGraphDef.Types.MetaInfoDef { MetaGraphVersion = "written by Cortex.Queue" },
        };
        metaGraph.MetaInfoDef.Tags.Add("serve");
        foreach (var (key, signature) in _signatures)
        {
            metaGraph.SignatureDef[key] = signature;
        }
        var graph = Graph.Build();
        if (_variables.Count > 0)
        {
            metaGraph.SaverDef = AddSaver(graph);
            var bundle = new TensorBundleWriter();
            foreach (var (name, value, _) in _variables)
            {
                bundle.Add(name, value);
            }
            bundle.Write(Path.Combine(directory, "variables", "variables"));
        }
        metaGraph.GraphDef = graph;
        var savedModel = new SavedModel { SavedModelSchemaVersion = 1 };
        savedModel.MetaGraphs.Add(metaGraph);
        File.WriteAllBytes(Path.Combine(directory, "saved_model.pb"), savedModel.ToByteArray());
    }

    private SaverDef AddSaver(GraphDef graph)
    {
        var names = _variables.Select(v => v.Name).ToArray();
        graph.Node.Add(ConstNode("save/Const", new Tensor(TensorDataType.String, [], new[] { "model" })));
        graph.Node.Add(ConstNode("save/RestoreV2/tensor_names", new Tensor(TensorDataType.String, [names.Length], names)));
        graph.Node.Add(ConstNode("save/RestoreV2/shape_and_slices", new Tensor(TensorDataType.String, [names.Length], names.Select(_ => string.Empty).ToArray())));
        var restore = new NodeDef { Name = "save/RestoreV2", Op = "RestoreV2" };
        restore.Input.AddRange(["save/Const", "save/RestoreV2/tensor_names", "save/RestoreV2/shape_and_slices"]);
        restore.Attr["dtypes"] = GraphDefBuilder.TypesAttr(_variables.Select(v => TensorFlowDataTypes.ToTensorFlow(v.Value.DataType)));
        graph.Node.Add(restore);
        var restoreAll = new NodeDef { Name = "save/restore_all", Op = "NoOp" };
        for (var i = 0; i < _variables.Count; i++)
        {
            var (name, value, isResource) = _variables[i];
            var type = GraphDefBuilder.TypeAttr(TensorFlowDataTypes.ToTensorFlow(value.DataType));
            var assign = new NodeDef { Name = $"save/Assign_{i}", Op = isResource ? "AssignVariableOp" : "Assign" };
            assign.Input.AddRange([name, $"save/RestoreV2:{i}"]);
            if (isResource)
            {
                assign.Attr["dtype"] = type;
            }
            else
            {
                assign.Attr["T"] = type;
                assign.Attr["validate_shape"] = new AttrValue { B = true };
                assign.Attr["use_locking"] = new AttrValue { B = true };
            }
            graph.Node.Add(assign);
            restoreAll.Input.Add($"^save/Assign_{i}");
        }
        graph.Node.Add(restoreAll);
        return new SaverDef
        {
            FilenameTensorName = "save/Const:0",
            RestoreOpName = "save/restore_all",
            Version = SaverDef.Types.CheckpointFormatVersion.V2,
        };
    }

    private static NodeDef ConstNode(string name, Tensor value)
    {
        var node = new NodeDef { Name = name, Op = "Const" };
        node.Attr["dtype"] = GraphDefBuilder.TypeAttr(TensorFlowDataTypes.ToTensorFlow(value.DataType));
        node.Attr["value"] = new AttrValue { Tensor = TensorProtoEncoder.Encode(value) };
        return node;
    }

    private static TensorInfo Info(SignatureTensor tensor) => new()
    {
        Name = tensor.TensorName,
        Dtype = tensor.DataType,
        TensorShape = tensor.Dimensions is null ? new TensorShapeProto { UnknownRank = true } : TensorShapes.FromDimensions(tensor.Dimensions),
    };
}
