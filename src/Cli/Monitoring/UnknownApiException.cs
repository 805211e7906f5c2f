namespace Cortex.Queue.Cli.Monitoring;

/// <summary>The API asked for is not one the ingress serves; the message lists those it does.</summary>
public sealed class UnknownApiException(string api, string baseUrl, IReadOnlyList<string> knownApis)
    : Exception(knownApis.Count == 0
        ? $"no API '{api}' at {baseUrl}: it serves no API at all"
        : $"no API '{api}' at {baseUrl}; its APIs are: {string.Join(", ", knownApis)}")
{
    public IReadOnlyList<string> KnownApis { get; } = knownApis;
}
