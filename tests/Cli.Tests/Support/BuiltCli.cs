using Cortex.Queue.Runtime.Tests.Fixtures;

namespace Cortex.Queue.Cli.Tests.Support;

/// <summary>The CLI in its own build output, in the same configuration (Debug or Release) as these tests.</summary>
public static class BuiltCli
{
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Assembly => TestPaths.InRepository("src", "Cli", "bin", Configuration, "net10.0", "Cortex.Queue.Cli.dll");
}
