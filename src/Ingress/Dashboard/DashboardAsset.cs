namespace Cortex.Queue.Ingress.Dashboard;

/// <summary>One file of the dashboard, held in memory with its media type and a validator for caches.</summary>
public sealed record DashboardAsset(string Name, string ContentType, byte[] Content, string ETag);
