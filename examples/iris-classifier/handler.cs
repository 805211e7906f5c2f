// The iris model answers with a class index; this post_inference answers with the species' name instead, taken from
// the label list in cortex.yaml's metadata: (as Cortex's own iris example did in Python).
public sealed class IrisLabels : IPostInferenceHandler
{
    public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
    {
        if (metadata.GetValueOrDefault("labels") is not IReadOnlyList<object?> labels)
        {
            throw new InvalidOperationException("cortex.yaml needs metadata: labels: [iris-setosa, iris-versicolor, iris-virginica]");
        }
        var classIndex = prediction?["class_index"] ?? throw new InvalidOperationException("the model's output has no class_index");

        // One instance gives one index; a list of instances (a batch in one request) gives one index per instance.
        return classIndex is JsonArray indices
            ? indices.Select(index => Label(labels, index!)).ToArray()
            : Label(labels, classIndex);
    }

    private static string Label(IReadOnlyList<object?> labels, JsonNode index) => labels[(int)index.GetValue<long>()]?.ToString() ?? "";
}
