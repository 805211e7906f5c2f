namespace Cortex.Queue.Deploy.Cluster;

/// <summary>One object of a delete, as <c>kind/name</c> with what deleting it did.</summary>
public sealed record DeletedObject(string Kind, string Name, DeleteOutcome Outcome);
