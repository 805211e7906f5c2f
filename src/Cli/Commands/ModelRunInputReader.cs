using System.Text.Json;
using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// Reads <c>cortex model run</c>'s <c>--input</c>: inline JSON or <c>@file.json</c>, an object mapping input names to
/// whole tensors as nested lists (batch axis included), checked against the model's signature.
/// </summary>
public static class ModelRunInputReader
{
    /// <summary>The JSON text <paramref name="argument"/> stands for: the argument itself, or the file after '@'.</summary>
    public static string ReadText(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (!argument.StartsWith('@'))
        {
            return argument;
        }
        var file = argument[1..];
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelRunInputException($"cannot read --input file {file}: {ex.Message}", ex);
        }
    }

    /// <summary>Parses <paramref name="json"/> into one tensor per input; throws <see cref="ModelRunInputException"/>.</summary>
    public static IReadOnlyDictionary<string, Tensor> Read(string json, IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ModelRunInputException($"--input is not valid JSON: {ex.Message}", ex);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ModelRunInputException(
                    $"--input must be a JSON object mapping input names to nested lists, got {root.ValueKind.ToString().ToLowerInvariant()}; the model takes {Listed(model)}");
            }
            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                var spec = model.Signature.FindInput(property.Name)
                    ?? throw new ModelRunInputException($"unknown input '{property.Name}'; the model takes {Listed(model)}");
                try
                {
                    tensors[property.Name] = TensorJsonReader.Read(property.Value, WithKnownRank(model, spec, property.Value));
                }
                catch (SampleException ex)
                {
                    throw new ModelRunInputException(ex.Message, ex);
                }
            }
            var defaults = model is TensorFlowModel tensorFlow ? tensorFlow.Defaults : new Dictionary<string, Tensor>();
            var missing = model.Signature.Inputs.Where(i => !tensors.ContainsKey(i.Name) && !defaults.ContainsKey(i.Name)).Select(i => $"'{i.Name}'").ToList();
            if (missing.Count > 0)
            {
                throw new ModelRunInputException($"missing input {string.Join(", ", missing)}; the model takes {Listed(model)}");
            }
            return tensors;
        }
    }

    /// <summary>
    /// A SavedModel input of unknown rank is reported with an empty shape, which would read as a scalar: take the rank
    /// from the JSON's nesting instead, every dimension free.
    /// </summary>
    private static TensorSpec WithKnownRank(IModel model, TensorSpec spec, JsonElement value)
    {
        if (model is not TensorFlowModel tensorFlow
            || tensorFlow.TensorFlowSignature.Inputs.FirstOrDefault(i => i.Key == spec.Name) is not { Dimensions: null })
        {
            return spec;
        }
        var rank = 0;
        for (var element = value; element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0; element = element[0])
        {
            rank++;
        }
        return spec with { Shape = Enumerable.Repeat(TensorSpec.DynamicDimension, rank).ToArray() };
    }

    private static string Listed(IModel model) =>
        string.Join(", ", model.Signature.Inputs.Select(i => $"'{i.Name}' {i.DataType.ToWireName()} {i.ShapeText}"));
}
