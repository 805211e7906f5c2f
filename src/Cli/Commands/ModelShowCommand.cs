using System.CommandLine;
using System.Text;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.TensorFlow.Inspection;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// <c>cortex model show PATH</c>, the analogue of <c>saved_model_cli show --all</c>: a SavedModel's tags, signatures,
/// inputs and outputs with dtypes and shapes, and its ops with which ones Cortex can run; an ONNX model's signature.
/// </summary>
public static class ModelShowCommand
{
    public static Command Create()
    {
        var path = ModelCommandArguments.Path();
        var versions = ModelCommandArguments.Versions();
        var command = new Command("show", "Describe a model: signatures, inputs and outputs, and (SavedModels) the ops it uses");
        command.Arguments.Add(path);
        command.Options.Add(versions);
        command.SetAction(async (parseResult, cancellationToken) =>
            await ShowAsync(parseResult.GetValue(path)!, parseResult.GetValue(versions), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> ShowAsync(string path, long[]? versions, CancellationToken cancellationToken)
    {
        try
        {
            var opened = await ModelSourceOpener.OpenAsync(path, versions, null, cancellationToken).ConfigureAwait(false);
            try
            {
                Console.Out.Write(opened.Kind == ModelKind.TensorFlow
                    ? SavedModelReportFormatter.Format(new SavedModelInspector().Inspect(opened.LocalPath))
                    : DescribeOnnx(opened));
            }
            catch (ModelLoadException ex)
            {
                throw new ModelLoadException(opened.Source.Explain(ex.Message), ex);
            }
            return 0;
        }
        catch (ModelLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static string DescribeOnnx(ModelOpenedSource opened)
    {
        using var model = new OnnxModelFormat().Load(opened.LocalPath, opened.Options);
        var text = new StringBuilder();
        text.Append("ONNX model ").AppendLine(model.Description);
        text.AppendLine();
        text.Append("signature '").Append(model.Signature.Key).AppendLine("'");
        AppendTensors(text, "inputs", model.Signature.Inputs);
        AppendTensors(text, "outputs", model.Signature.Outputs);
        return text.ToString();
    }

    private static void AppendTensors(StringBuilder text, string title, IReadOnlyList<TensorSpec> tensors)
    {
        text.Append("  ").Append(title).AppendLine(":");
        foreach (var tensor in tensors)
        {
            text.Append("    ").Append(tensor.Name).Append(": ").Append(tensor.DataType.ToWireName()).Append(' ').AppendLine(tensor.ShapeText);
        }
    }
}
