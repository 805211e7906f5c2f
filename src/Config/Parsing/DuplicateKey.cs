using YamlDotNet.Core;

namespace Cortex.Queue.Config.Parsing;

/// <summary>A key given twice in one mapping; the first occurrence is kept, this one was dropped.</summary>
/// <param name="PathSegments">Where the mapping sits: sequence indexes (int) and mapping keys (string), ending with the key.</param>
internal sealed record DuplicateKey(string Key, Mark Start, Mark FirstStart, IReadOnlyList<object> PathSegments);
