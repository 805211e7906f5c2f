using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cortex.Queue.Config.Parsing;

/// <summary>
/// Passes YAML events through, but drops the second occurrence of a mapping key together with its value.
/// YamlDotNet's representation model throws on the first duplicate key and stops; dropping them here lets
/// the loader build the node tree anyway and report every duplicate alongside every other error.
/// </summary>
internal sealed class DuplicateKeyFilteringParser(IParser inner) : IParser
{
    private readonly Stack<OpenCollection> open = new();
    private readonly List<DuplicateKey> duplicates = [];

    public ParsingEvent? Current { get; private set; }

    public IReadOnlyList<DuplicateKey> Duplicates => duplicates;

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            var parsingEvent = inner.Current!;
            if (IsNodeStart(parsingEvent) && open.TryPeek(out var top) && top is OpenMapping { ExpectingKey: true } mapping)
            {
                if (parsingEvent is Scalar key && !mapping.SeenKeys.TryAdd(key.Value, key.Start))
                {
                    duplicates.Add(new DuplicateKey(key.Value, key.Start, mapping.SeenKeys[key.Value], PathTo(key.Value)));
                    SkipOneNode();
                    continue;
                }

                mapping.CurrentKey = parsingEvent is Scalar scalarKey ? scalarKey.Value : null;
            }

            Track(parsingEvent);
            Current = parsingEvent;
            return true;
        }

        Current = null;
        return false;
    }

    private static bool IsNodeStart(ParsingEvent parsingEvent) =>
        parsingEvent is Scalar or AnchorAlias or MappingStart or SequenceStart;

    private void Track(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case Scalar or AnchorAlias:
                CompleteNode();
                break;
            case MappingStart:
                open.Push(new OpenMapping());
                break;
            case SequenceStart:
                open.Push(new OpenSequence());
                break;
            case MappingEnd or SequenceEnd:
                open.Pop();
                CompleteNode();
                break;
        }
    }

    private void CompleteNode()
    {
        if (!open.TryPeek(out var parent))
        {
            return;
        }

        switch (parent)
        {
            case OpenMapping mapping:
                mapping.ExpectingKey = !mapping.ExpectingKey;
                break;
            case OpenSequence sequence:
                sequence.Index++;
                break;
        }
    }

    /// <summary>Consumes the value that belongs to a dropped key, however deeply nested it is.</summary>
    private void SkipOneNode()
    {
        var depth = 0;
        while (inner.MoveNext())
        {
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }

            if (depth == 0)
            {
                return;
            }
        }
    }

    private List<object> PathTo(string key)
    {
        // Stack enumerates from the innermost collection; the path reads from the outermost.
        var segments = new List<object>();
        var collections = open.Reverse().ToList();
        for (var i = 0; i < collections.Count - 1; i++)
        {
            switch (collections[i])
            {
                case OpenMapping mapping:
                    segments.Add(mapping.CurrentKey ?? "?");
                    break;
                case OpenSequence sequence:
                    segments.Add(sequence.Index);
                    break;
            }
        }

        segments.Add(key);
        return segments;
    }

    private abstract class OpenCollection;

    private sealed class OpenMapping : OpenCollection
    {
        public Dictionary<string, Mark> SeenKeys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingKey { get; set; } = true;

        public string? CurrentKey { get; set; }
    }

    private sealed class OpenSequence : OpenCollection
    {
        public int Index { get; set; }
    }
}
