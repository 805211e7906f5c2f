using System.CommandLine;
using Cortex.Queue.Cli.Commands;

var root = new RootCommand("cortex: deploy TensorFlow and ONNX models as web services behind a queue");
root.Subcommands.Add(UpCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
return await root.Parse(args).InvokeAsync();
