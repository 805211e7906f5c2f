using System.CommandLine;
using Cortex.Queue.Config;

namespace Cortex.Queue.Cli.Commands;

/// <summary><c>cortex validate PATH</c>: the resolved APIs with endpoints and defaults, or every error (exit 1).</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "a cortex.yaml, or the folder holding one", DefaultValueFactory = _ => "." };
        var command = new Command("validate", "Check a cortex.yaml and print the resolved APIs, or every error found");
        command.Arguments.Add(path);
        command.SetAction(parseResult =>
        {
            var config = ConfigReporter.LoadOrReport(parseResult.GetValue(path)!, Console.Error);
            if (config is null)
            {
                return 1;
            }
            Console.Out.Write(ConfigSummaryWriter.Write(config));
            return 0;
        });
        return command;
    }
}
