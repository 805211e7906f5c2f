using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Restore;
using Cortex.Queue.TensorFlow.Variables;

namespace Cortex.Queue.TensorFlow.Loading;

/// <summary>
/// A SavedModel read from disk: the serving MetaGraph, its graph with functions inlined, and its variables bound to
/// checkpoint keys through the saver's restore op. Everything a signature needs before lowering.
/// </summary>
public sealed class SavedModelBundle
{
    private SavedModelBundle(SavedModelLocation location, SavedModel savedModel, MetaGraphDef metaGraph, FlatGraph graph, VariableBindings variables)
    {
        Location = location;
        SavedModel = savedModel;
        MetaGraph = metaGraph;
        Graph = graph;
        Variables = variables;
    }

    public SavedModelLocation Location { get; }

    public SavedModel SavedModel { get; }

    public MetaGraphDef MetaGraph { get; }

    /// <summary>The graph with every function call inlined (not yet pruned to a signature).</summary>
    public FlatGraph Graph { get; }

    public VariableBindings Variables { get; }

    public string Description => Location.Description;

    /// <summary>The TensorFlow version that wrote the model ("2.14.0"), when recorded.</summary>
    public string? TensorFlowVersion => MetaGraph.MetaInfoDef?.TensorflowVersion is { Length: > 0 } version ? version : null;

    /// <summary>Reads the SavedModel at <paramref name="path"/> (a SavedModel folder or a folder of version folders).</summary>
    public static SavedModelBundle Load(string path) => Load(SavedModelLocator.Resolve(path));

    public static SavedModelBundle Load(SavedModelLocation location)
    {
        var savedModel = SavedModelReader.Read(location);
        var metaGraph = SavedModelReader.SelectServingMetaGraph(savedModel, location.Description);
        try
        {
            var graph = GraphFlattener.Flatten(metaGraph);
            var bundle = TensorBundleReader.OpenSavedModelVariables(location.Directory);
            var variables = VariableBinder.Bind(graph, metaGraph.SaverDef, bundle);
            return new SavedModelBundle(location, savedModel, metaGraph, graph, variables);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or KeyNotFoundException)
        {
            throw new ModelLoadException($"cannot read TensorFlow SavedModel {location.Description}: {ex.Message}", ex);
        }
    }
}
