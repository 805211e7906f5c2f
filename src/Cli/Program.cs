using System.CommandLine;
using Cortex.Queue.Cli.Commands;

var root = new RootCommand("cortex: deploy TensorFlow and ONNX models as web services behind a queue");
root.Subcommands.Add(UpCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(GetCommand.Create());
root.Subcommands.Add(ModelCommand.Create());
root.Subcommands.Add(DeployCommand.Create());
root.Subcommands.Add(DeleteCommand.Create());
// No response files: "@file.json" is how `cortex model run --input` takes a JSON file, as curl's -d does.
return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync();
