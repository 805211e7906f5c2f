namespace Cortex.Queue.TensorFlow.Inspection;

/// <summary>An op the served graph of a signature runs, how many nodes use it, and whether Cortex can lower it.</summary>
public sealed record OpUsageReport(string Op, int Count, bool Supported, IReadOnlyList<string> Nodes);
