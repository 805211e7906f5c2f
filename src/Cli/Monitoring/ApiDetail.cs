namespace Cortex.Queue.Cli.Monitoring;

/// <summary>Everything <c>cortex get API</c> prints about one API.</summary>
/// <param name="BaseUrl">The ingress, without a trailing slash.</param>
/// <param name="Signature">The model's inputs, or null when the ingress could not tell (no worker yet).</param>
public sealed record ApiDetail(string BaseUrl, ApiSnapshot Snapshot, IReadOnlyList<SignatureInput>? Signature);
