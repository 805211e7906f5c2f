namespace Cortex.Queue.Cli.Monitoring;

/// <summary>One input of a model's signature (<c>GET {endpoint}/signature</c>); -1 marks a free dimension.</summary>
public sealed record SignatureInput(string Name, string Type, IReadOnlyList<long> Shape);
