namespace Cortex.Queue.Deploy.Cluster;

/// <summary>One object of a deploy, as <c>kind/name</c> with what applying it did.</summary>
public sealed record AppliedObject(string Kind, string Name, ApplyOutcome Outcome);
