using System.CommandLine;

namespace Cortex.Queue.Cli.Commands;

/// <summary>The arguments every <c>cortex model</c> command shares, described once.</summary>
public static class ModelCommandArguments
{
    public static Argument<string> Path() => new("path")
    {
        Description = "a SavedModel folder, a .onnx file or folder, a folder of numeric version folders, a .zip of any of these, or s3://bucket/prefix",
    };

    public static Option<long[]> Versions() => new("--version")
    {
        Description = "serve the highest of these version folders (TF Serving's specific version policy; repeatable); default: the highest present",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string> Signature() => new("--signature")
    {
        Description = "the SavedModel signature to use; default: Cortex's rules (the only one, else 'predict', else an error listing them)",
    };
}
