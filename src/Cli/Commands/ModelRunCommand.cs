using System.CommandLine;
using System.Text.Json;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// <c>cortex model run PATH --input JSON|@file.json</c>, the analogue of <c>saved_model_cli run</c>: runs one batch
/// through the model as a worker would load it and prints <c>{"output": nested list, ...}</c>.
/// </summary>
public static class ModelRunCommand
{
    public static Command Create()
    {
        var path = ModelCommandArguments.Path();
        var versions = ModelCommandArguments.Versions();
        var signature = ModelCommandArguments.Signature();
        var input = new Option<string>("--input")
        {
            Description = "a JSON object mapping input names to whole tensors as nested lists, batch axis included (or @file.json)",
            Required = true,
        };
        var command = new Command("run", "Run one batch through a model and print its outputs as JSON");
        command.Arguments.Add(path);
        command.Options.Add(input);
        command.Options.Add(signature);
        command.Options.Add(versions);
        command.SetAction(async (parseResult, cancellationToken) => await RunAsync(
            parseResult.GetValue(path)!, parseResult.GetValue(input)!, parseResult.GetValue(signature), parseResult.GetValue(versions), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(string path, string inputArgument, string? signatureKey, long[]? versions, CancellationToken cancellationToken)
    {
        try
        {
            // Read the input first: a typo in a file name should not wait for a model download.
            var json = ModelRunInputReader.ReadText(inputArgument);
            var opened = await ModelSourceOpener.OpenAsync(path, versions, signatureKey, cancellationToken).ConfigureAwait(false);
            using var model = Load(opened);
            var outputs = model.Run(ModelRunInputReader.Read(json, model));
            using (var writer = new Utf8JsonWriter(Console.OpenStandardOutput()))
            {
                TensorJsonWriter.WriteOutputs(writer, outputs, dropLeadingAxis: false);
            }
            Console.Out.WriteLine();
            return 0;
        }
        catch (Exception ex) when (ex is ModelLoadException or ModelRunInputException or ArgumentException)
        {
            // ArgumentException: the model's own input checks (a dtype or shape it cannot take).
            Console.Error.WriteLine(ModelErrorText.ForCommandLine(ex.Message));
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"the model failed on this input: {ex.Message}");
            return 1;
        }
    }

    private static IModel Load(ModelOpenedSource opened)
    {
        IModelFormat format = opened.Kind == ModelKind.TensorFlow ? new TensorFlowModelFormat() : new OnnxModelFormat();
        try
        {
            return format.Load(opened.LocalPath, opened.Options);
        }
        catch (ModelLoadException ex)
        {
            throw new ModelLoadException(opened.Source.Explain(ex.Message), ex);
        }
    }
}
