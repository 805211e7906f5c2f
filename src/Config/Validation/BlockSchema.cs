namespace Cortex.Queue.Config.Validation;

/// <summary>The keys one mapping of cortex.yaml accepts.</summary>
/// <param name="Title">How messages refer to the block, e.g. "compute:".</param>
/// <param name="RejectedKeyReasons">Keys that are known but not allowed here, with the reason to give instead of a typo hint.</param>
internal sealed record BlockSchema(string Title, IReadOnlyList<string> Keys, IReadOnlyDictionary<string, string>? RejectedKeyReasons = null)
{
    public bool Accepts(string key) => Keys.Contains(key, StringComparer.Ordinal);
}
