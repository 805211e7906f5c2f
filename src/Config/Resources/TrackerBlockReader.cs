using Cortex.Queue.Config.Validation;

namespace Cortex.Queue.Config.Resources;

/// <summary>Reads a <c>tracker:</c> block: which response value to record and whether it is a class or a number.</summary>
internal static class TrackerBlockReader
{
    private static readonly Dictionary<string, TrackerModelType> ModelTypes = new(StringComparer.Ordinal)
    {
        ["classification"] = TrackerModelType.Classification,
        ["regression"] = TrackerModelType.Regression,
    };

    public static TrackerConfig? Read(MappingReader block)
    {
        var key = block.String("key");
        if (!block.Has("model_type"))
        {
            block.ReportMissing("model_type", "; expected classification or regression");
            return null;
        }

        var modelType = block.String("model_type", required: true);
        if (!modelType.IsValid)
        {
            return null;
        }

        if (!ModelTypes.TryGetValue(modelType.Value!, out var parsed))
        {
            var nearest = KeySuggester.Nearest(modelType.Value!, ModelTypes.Keys);
            var hint = nearest is null ? "" : $"; did you mean '{nearest}'?";
            block.Errors.Add(modelType.Node!, block.PathOf("model_type"),
                $"expected 'classification' or 'regression', got '{modelType.Value}'{hint}");
            return null;
        }

        return new TrackerConfig(key.Value, parsed);
    }
}
