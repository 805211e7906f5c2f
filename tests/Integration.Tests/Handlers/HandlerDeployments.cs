using Cortex.Queue.Integration.Tests.Infrastructure;

namespace Cortex.Queue.Integration.Tests.Handlers;

/// <summary>Deployments of the affine test model (x [?, 3] → y = 2x + 1, total) with a request handler beside them.</summary>
public static class HandlerDeployments
{
    /// <summary>
    /// pre_inference takes <c>{"values": [a, b, c]}</c> (and refuses a sample with <c>"reject": true</c>);
    /// post_inference answers <c>{"sum": total}</c> (and fails when the total is zero).
    /// </summary>
    public const string ValuesToSum = """
        public sealed class ValuesToSum : IPreInferenceHandler, IPostInferenceHandler
        {
            public object? PreInference(JsonNode? sample, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
            {
                if (sample?["reject"]?.GetValue<bool>() == true)
                {
                    throw new ArgumentException("this sample was refused");
                }
                return new Dictionary<string, JsonNode?> { [signature.Inputs[0].Name] = sample!["values"]!.DeepClone() };
            }

            public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata)
            {
                var total = prediction!["total"]!.GetValue<float>();
                if (total == 0)
                {
                    throw new InvalidOperationException("the total is zero");
                }
                return new { sum = total, unit = metadata["unit"] };
            }
        }
        """;

    public static TestDeployment Create(string api, string handler, string extraApiYaml = "") =>
        TestDeployment.SingleApi(
            api,
            path =>
            {
                TestModels.WriteAffine(path);
                File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "handler.cs"), handler);
            },
            "metadata:\n  unit: cm\n" + extraApiYaml,
            requestHandler: "handler.cs");
}
