namespace Cortex.Queue.Deploy.Tests.Support;

/// <summary>One request the fake API server received, as the assertions need it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string Body);
