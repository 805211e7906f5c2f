namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>The compose client on this machine, if any: the docker CLI plugin (`docker compose`) or the standalone `docker-compose`.</summary>
public static class ComposeClient
{
    /// <summary>Executable and leading arguments, or null when neither client answers.</summary>
    public static (string FileName, string[] Prefix)? Command { get; } = Find();

    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] arguments)
    {
        var (fileName, prefix) = Command ?? throw new InvalidOperationException("no compose client");
        return ProcessRunner.Run(fileName, [.. prefix, .. arguments], workingDirectory, TimeSpan.FromSeconds(60));
    }

    private static (string, string[])? Find()
    {
        if (ProcessRunner.FindOnPath("docker") is { } docker && Answers(docker, ["compose", "version"]))
        {
            return (docker, ["compose"]);
        }
        if (ProcessRunner.FindOnPath("docker-compose") is { } standalone && Answers(standalone, ["version"]))
        {
            return (standalone, []);
        }
        return null;
    }

    private static bool Answers(string fileName, string[] arguments)
    {
        try
        {
            return ProcessRunner.Run(fileName, arguments, Path.GetTempPath(), TimeSpan.FromSeconds(20)).ExitCode == 0;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return false;
        }
    }
}
