using System.CommandLine;
using System.Text;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.TensorFlow.Lowering;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// <c>cortex model convert PATH -o model.onnx</c>: writes the ONNX model Cortex lowers a SavedModel signature to, with
/// inputs and outputs named by the signature's keys, then opens it with ONNX Runtime and prints its signature.
/// </summary>
public static class ModelConvertCommand
{
    public static Command Create()
    {
        var path = ModelCommandArguments.Path();
        var versions = ModelCommandArguments.Versions();
        var signature = ModelCommandArguments.Signature();
        var output = new Option<string>("--output", "-o") { Description = "the .onnx file to write", Required = true };
        var command = new Command("convert", "Lower a SavedModel signature to an ONNX file");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.Options.Add(signature);
        command.Options.Add(versions);
        command.SetAction(async (parseResult, cancellationToken) => await ConvertAsync(
            parseResult.GetValue(path)!, parseResult.GetValue(output)!, parseResult.GetValue(signature), parseResult.GetValue(versions), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> ConvertAsync(string path, string outputPath, string? signatureKey, long[]? versions, CancellationToken cancellationToken)
    {
        try
        {
            var opened = await ModelSourceOpener.OpenAsync(path, versions, signatureKey, cancellationToken).ConfigureAwait(false);
            if (opened.Kind != ModelKind.TensorFlow)
            {
                Console.Error.WriteLine($"{path} is already an ONNX model; convert takes a TensorFlow SavedModel");
                return 1;
            }
            ConvertedModel converted;
            try
            {
                converted = SavedModelConverter.Convert(opened.LocalPath, signatureKey);
            }
            catch (ModelLoadException ex)
            {
                throw new ModelLoadException(opened.Source.Explain(ex.Message), ex);
            }
            if (converted.HostSegments.Count > 0)
            {
                var parsed = string.Join(", ", converted.HostSegments.Select(s => $"'{s.InputKey}'"));
                Console.Error.WriteLine(
                    $"cannot convert {converted.Description} to a standalone ONNX model: it parses serialized tf.Example protos " +
                    $"(input {parsed}) before its numeric graph, a step ONNX cannot express and Cortex runs itself. " +
                    "Serve the SavedModel with tensorflow: in cortex.yaml instead, or pick a numeric signature with --signature (cortex model show lists them).");
                return 1;
            }

            var fullOutput = Path.GetFullPath(outputPath);
            Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
            var bytes = ModelOnnxShapeAnnotator.Annotate(converted.OnnxModel, converted.Signature);
            await File.WriteAllBytesAsync(fullOutput, bytes, cancellationToken).ConfigureAwait(false);
            // Open what was written, so the signature printed is the file's own and a broken file fails here, not at deployment.
            ModelSignature signature;
            try
            {
                using var written = OnnxModel.Load(fullOutput, new ModelLoadOptions(), fullOutput);
                signature = written.Signature;
            }
            catch (ModelLoadException ex)
            {
                // The SignatureDef's shapes contradict what the graph computes; TensorFlow never checked them. Keep the
                // model as lowered, without declared shapes.
                Console.Error.WriteLine($"warning: the signature's shapes do not fit the graph, so none are declared ({ex.Message})");
                bytes = converted.OnnxModel;
                await File.WriteAllBytesAsync(fullOutput, bytes, cancellationToken).ConfigureAwait(false);
                using var written = OnnxModel.Load(fullOutput, new ModelLoadOptions(), fullOutput);
                signature = written.Signature;
            }
            Console.Out.Write(Describe(fullOutput, bytes.Length, converted.Description, signature));
            return 0;
        }
        catch (ModelLoadException ex)
        {
            Console.Error.WriteLine(ModelErrorText.ForCommandLine(ex.Message));
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot write {outputPath}: {ex.Message}");
            return 1;
        }
    }

    private static string Describe(string file, int size, string source, ModelSignature signature)
    {
        var text = new StringBuilder();
        text.Append("wrote ").Append(file).Append(" (").Append(ModelDownloadProgressBar.Size(size)).AppendLine(")");
        text.Append("  from ").AppendLine(source);
        text.AppendLine("  inputs:");
        foreach (var input in signature.Inputs)
        {
            text.Append("    ").Append(input.Name).Append(": ").Append(input.DataType.ToWireName()).Append(' ').AppendLine(input.ShapeText);
        }
        text.AppendLine("  outputs:");
        foreach (var output in signature.Outputs)
        {
            text.Append("    ").Append(output.Name).Append(": ").Append(output.DataType.ToWireName()).Append(' ').AppendLine(output.ShapeText);
        }
        return text.ToString();
    }
}
