using System.Text.Json;
using System.Text.Json.Nodes;
using Cortex.Queue.Handlers.Invocation;
using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Handlers.Tests.Support;

namespace Cortex.Queue.Handlers.Tests;

/// <summary>A compiled handler's stages, called the way the worker calls them for one sample.</summary>
public sealed class HandlerInvocationTests
{
    [Fact]
    public async Task Metadata_and_the_signature_reach_post_inference()
    {
        using var project = HandlerProject.Create(apiYaml: """
            metadata:
              labels: [iris-setosa, iris-versicolor, iris-virginica]
              threshold: 0.5
            """).WithFile("handler.cs", """
            public sealed class Echo : IPostInferenceHandler
            {
                public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) => new
                {
                    label = ((IReadOnlyList<object?>)metadata["labels"]!)[(int)prediction!["class_index"]!.GetValue<long>()],
                    threshold = metadata["threshold"],
                    inputs = signature.Inputs.Select(i => $"{i.Name} {i.DataType} {i.ShapeText}"),
                    outputs = signature.Outputs.Select(o => o.Name),
                };
            }
            """);
        using var handler = RequestHandlerLoader.Load(project.Api)!;

        var response = JsonNode.Parse(await handler.PostInferenceAsync("""{"class_index": 2}""", Signatures.Iris, CancellationToken.None))!;

        Assert.Equal("iris-virginica", response["label"]!.GetValue<string>());
        Assert.Equal(0.5, response["threshold"]!.GetValue<double>());
        Assert.Equal("input Float32 [?, 4]", Assert.Single(response["inputs"]!.AsArray())!.GetValue<string>());
        Assert.Equal(["class_index", "probabilities"], response["outputs"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Pre_inference_turns_a_friendly_object_into_the_models_input()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", """
            public sealed class Friendly : IPreInferenceHandler
            {
                public object? PreInference(JsonNode? sample, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) =>
                    new Dictionary<string, double[]> { [signature.Inputs[0].Name] = [sample!["a"]!.GetValue<double>(), sample["b"]!.GetValue<double>(), 0, 1] };
            }
            """);
        using var handler = RequestHandlerLoader.Load(project.Api)!;
        using var sample = JsonDocument.Parse("""{"a": 5.1, "b": 3.5}""");

        var input = await handler.PreInferenceAsync(sample.RootElement, Signatures.Iris, CancellationToken.None);

        Assert.Equal("""{"input":[5.1,3.5,0,1]}""", input.GetRawText());
        Assert.True(handler.HasPreInference);
        Assert.False(handler.HasPostInference);
    }

    [Fact]
    public async Task An_exception_in_pre_inference_names_the_stage_and_the_handler_file()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", """
            public sealed class Picky : IPreInferenceHandler
            {
                public object? PreInference(JsonNode? sample, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) =>
                    throw new ArgumentException("sepal_length is missing");
            }
            """);
        using var handler = RequestHandlerLoader.Load(project.Api)!;
        using var sample = JsonDocument.Parse("{}");

        var exception = await Assert.ThrowsAsync<RequestHandlerException>(async () => await handler.PreInferenceAsync(sample.RootElement, Signatures.Iris, CancellationToken.None));

        Assert.Equal("pre_inference request handler (handler.cs): sepal_length is missing", exception.Message);
        Assert.IsType<ArgumentException>(exception.InnerException);
        // The logged stack trace leads to the line that threw.
        Assert.Contains("in handler.cs:line 4", exception.InnerException!.StackTrace);
    }

    [Fact]
    public async Task Async_stages_are_awaited_and_a_failing_one_names_post_inference()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", """
            public sealed class Slow : IAsyncPostInferenceHandler
            {
                public async ValueTask<object?> PostInferenceAsync(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata, CancellationToken cancellationToken)
                {
                    await Task.Delay(5, cancellationToken);
                    var index = prediction!["class_index"]!.GetValue<long>();
                    return index < 3 ? $"class {index}" : throw new InvalidOperationException($"no label for class {index}");
                }
            }
            """);
        using var handler = RequestHandlerLoader.Load(project.Api)!;

        Assert.Equal("\"class 1\"", await handler.PostInferenceAsync("""{"class_index": 1}""", Signatures.Iris, CancellationToken.None));
        var exception = await Assert.ThrowsAsync<RequestHandlerException>(async () => await handler.PostInferenceAsync("""{"class_index": 7}""", Signatures.Iris, CancellationToken.None));
        Assert.Equal("post_inference request handler (handler.cs): no label for class 7", exception.Message);
    }

    [Fact]
    public void A_constructor_that_throws_stops_the_load_with_its_message()
    {
        using var project = HandlerProject.Create().WithFile("handler.cs", """
            public sealed class Needy : IPostInferenceHandler
            {
                public Needy() => throw new InvalidOperationException("labels.txt not found");

                public object? PostInference(JsonNode? prediction, ModelSignature signature, IReadOnlyDictionary<string, object?> metadata) => prediction;
            }
            """);

        var exception = Assert.Throws<RequestHandlerLoadException>(() => RequestHandlerLoader.Load(project.Api));

        Assert.Contains("the constructor of Needy threw InvalidOperationException: labels.txt not found", exception.Message);
    }
}
