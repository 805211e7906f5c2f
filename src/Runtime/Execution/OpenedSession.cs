using Microsoft.ML.OnnxRuntime;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>A session with the options it was created from (kept alive as long as the session) and where it runs.</summary>
internal sealed record OpenedSession(InferenceSession Session, SessionOptions Options, string ExecutionProvider, IReadOnlyList<string> Warnings);
