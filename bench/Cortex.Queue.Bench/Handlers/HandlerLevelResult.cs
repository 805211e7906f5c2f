using Cortex.Queue.Bench.Load;

namespace Cortex.Queue.Bench.Handlers;

/// <summary>The three variants at one concurrency, measured in interleaved segments of the same run.</summary>
public sealed record HandlerLevelResult(int Concurrency, LoadResult None, LoadResult PostOnly, LoadResult PreAndPost);
