namespace Cortex.Queue.Runtime.Tests.S3;

/// <summary>One s3rver for a test class, started when a test first asks for it.</summary>
public sealed class S3rverFixture : IDisposable
{
    private readonly Lazy<S3rverServer> _server = new(() => new S3rverServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    public S3rverServer Server => _server.Value;

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}
