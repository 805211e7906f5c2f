// Lets clients send named measurements ({"sepal_length": 5.1, ...}) instead of the model's bare tensor, and answers
// with the species and how sure the model is.
public sealed class FriendlyIris : IPreInferenceHandler, IPostInferenceHandler
{
    public object? PreInference(JsonNode? sample, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
    {
        var features = (IReadOnlyList<object?>)metadata["features"]!;
        var measurements = features.Select(feature =>
        {
            var name = (string)feature!;
            var value = sample?[name] ?? throw new ArgumentException($"missing \"{name}\" (expected {string.Join(", ", features)}, in centimetres)");
            return value.GetValue<double>();
        }).ToArray();

        // The model has one input ("input", float32 [?, 4]): hand it one row under that name.
        return new Dictionary<string, object> { [signature.Inputs[0].Name] = measurements };
    }

    public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
    {
        var labels = (IReadOnlyList<object?>)metadata["labels"]!;
        var classIndex = (int)prediction!["class_index"]!.GetValue<long>();
        var probabilities = prediction["probabilities"]!.AsArray();
        return new JsonObject
        {
            ["species"] = labels[classIndex]?.ToString(),
            ["confidence"] = probabilities[classIndex]!.GetValue<double>(),
        };
    }
}
