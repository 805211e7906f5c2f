namespace Cortex.Queue.Cli.Commands;

/// <summary>Load errors speak cortex.yaml ("set signature_key"); on the command line the same choice is an option.</summary>
public static class ModelErrorText
{
    public static string ForCommandLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message
            .Replace("set signature_key to one of", "pass --signature with one of", StringComparison.Ordinal)
            .Replace("signature_key '", "--signature '", StringComparison.Ordinal);
    }
}
