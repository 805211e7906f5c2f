namespace Cortex.Queue.Storage;

/// <summary>What an API's tracker records, which decides whether metrics carry classes or regression statistics.</summary>
public enum TrackedKind
{
    None,
    Classification,
    Regression,
}
