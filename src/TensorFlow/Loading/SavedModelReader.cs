using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Protos;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.Loading;

/// <summary>Parses <c>saved_model.pb</c> and picks the MetaGraph to serve.</summary>
public static class SavedModelReader
{
    public const string ServeTag = "serve";

    public static SavedModel Read(SavedModelLocation location)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(location.ProtoPath);
        }
        catch (IOException ex)
        {
            throw new ModelLoadException($"cannot read {location.ProtoPath}: {ex.Message}", ex);
        }
        try
        {
            // Fields our protos leave out (debug info, op descriptions) are dropped rather than kept in memory.
            return SavedModel.Parser.WithDiscardUnknownFields(true).ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ModelLoadException($"{location.ProtoPath} is not a valid SavedModel: {ex.Message}", ex);
        }
    }

    /// <summary>The MetaGraph tagged "serve", or the only one; otherwise an error listing the tag sets there are.</summary>
    public static MetaGraphDef SelectServingMetaGraph(SavedModel savedModel, string description)
    {
        if (savedModel.MetaGraphs.Count == 0)
        {
            throw new ModelLoadException($"{description} has no MetaGraph");
        }
        var serving = savedModel.MetaGraphs.Where(m => m.MetaInfoDef?.Tags.Contains(ServeTag) == true).ToList();
        if (serving.Count >= 1)
        {
            // Prefer the plain "serve" graph over e.g. "serve,gpu" when both exist.
            return serving.OrderBy(m => m.MetaInfoDef.Tags.Count).First();
        }
        if (savedModel.MetaGraphs.Count == 1)
        {
            return savedModel.MetaGraphs[0];
        }
        var tagSets = savedModel.MetaGraphs.Select(m => "[" + string.Join(",", m.MetaInfoDef?.Tags ?? []) + "]");
        throw new ModelLoadException($"{description} has no MetaGraph tagged '{ServeTag}'; its tag sets are {string.Join(", ", tagSets)}");
    }
}
