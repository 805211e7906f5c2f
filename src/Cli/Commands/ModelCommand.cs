using System.CommandLine;

namespace Cortex.Queue.Cli.Commands;

/// <summary><c>cortex model show|run|convert</c>: look into, run and convert models without deploying them (TensorFlow's saved_model_cli).</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Inspect, run and convert TensorFlow SavedModels and ONNX models (local, .zip or s3://)");
        command.Subcommands.Add(ModelShowCommand.Create());
        command.Subcommands.Add(ModelRunCommand.Create());
        command.Subcommands.Add(ModelConvertCommand.Create());
        return command;
    }
}
